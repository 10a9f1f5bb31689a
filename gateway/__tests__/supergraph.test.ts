import fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from '../compose';

describe('the checked-in supergraph', () => {
  it('matches what the four subgraph schemas compose to (run `npm run compose` when this fails)', () => {
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
  });

  it('carries the cross-subgraph fields of the public contract', () => {
    const sdl = composeSupergraph();
    for (const field of [
      'usage(from: DateTime, to: DateTime): ClientUsage!',
      'retentionPolicy: RetentionPolicy',
      'userType: UserType',
      'roles: [RoleAssignment!]!',
      'organization: Organization!',
    ]) {
      expect(sdl).toContain(field);
    }
  });
});
