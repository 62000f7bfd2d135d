// What SPEC §1 says of one regime, typed from the SPEC and never read from src/: the oracle the
// registry's conformance tests (test/rules/registry.test.ts) hold every entry to. One file per
// regime in this folder; a registry entry without one fails the tests.
export type Band = 'none' | 'review' | 'dismissal';

export interface RegimeExpectation {
  readonly id: string;
  /** Names SPEC §2.3 lists for it (session key `regime`, `--regime`). */
  readonly names: readonly string[];
  readonly basis: 'returned' | 'convened';
  readonly basisFixed: boolean;
  /** The band of `L` low votes out of `T`, as the SPEC's table writes the inequalities. */
  readonly band: (L: number, T: number) => Band;
  /** The band words SPEC §1 gives users (Vietnamese); null: the regime has no such band. */
  readonly labels: { readonly review: string; readonly dismissal: string | null };
  readonly actions: { readonly review: string; readonly dismissal: string | null };
}
