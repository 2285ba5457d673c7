// The default branch of a switch that handles every member of a union: adding a member without
// a case there fails to compile (its value is then not `never`).
export function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
