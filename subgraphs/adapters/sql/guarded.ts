import { CitySourceError } from '../../kit/CitySourceError.ts';

/**
 * Runs one store operation and turns whatever the driver throws into a CitySourceError
 * (CITY_SOURCE_FAILED). The message names only the operation: SQL text, file paths and driver
 * messages stay in `cause`, never shown to clients.
 */
export async function guarded<T>(cityCode: string, operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CitySourceError) throw error;
    throw new CitySourceError('CITY_SOURCE_FAILED', `The data store failed during ${operation}.`, cityCode, {
      cause: error,
    });
  }
}
