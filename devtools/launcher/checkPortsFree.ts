import { createServer } from 'node:net';

export interface PortClaim {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

/** The claims whose port is already taken, checked before anything slow starts. */
export async function findBusyPorts(claims: readonly PortClaim[]): Promise<PortClaim[]> {
  const busy: PortClaim[] = [];
  for (const claim of claims) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(claim.port, claim.host, () => probe.close(() => resolve(true)));
    });
    if (!free) busy.push(claim);
  }
  return busy;
}
