/**
 * Single lookups (`project(cityCode, id)` …) and federation entity references share one rule: this
 * bureau answers only for its own objects; another bureau's key resolves to null here (the gateway
 * routes keys by cityCode, so that only happens when a client asks the wrong bureau directly).
 */
import type DataLoader from 'dataloader';
import type { NodeType } from '../../../schema/globalId.ts';
import type { CityContext } from '../CityContext.ts';
import { ownId } from './arguments.ts';

type LoaderOf<T> = (ctx: CityContext) => DataLoader<string, T | null>;

export function lookupResolver<T>(type: NodeType, loader: LoaderOf<T>) {
  return (_parent: unknown, args: { cityCode: string; id: string }, ctx: CityContext): Promise<T | null> | null => {
    if (!ownId(args.id, type, ctx.cityCode) || args.cityCode !== ctx.cityCode) return null;
    return loader(ctx).load(args.id);
  };
}

export function referenceResolver<T>(type: NodeType, loader: LoaderOf<T>) {
  return (ref: { cityCode: string; id: string }, ctx: CityContext): Promise<T | null> | null => {
    if (!ownId(ref.id, type, ctx.cityCode) || ref.cityCode !== ctx.cityCode) return null;
    return loader(ctx).load(ref.id);
  };
}
