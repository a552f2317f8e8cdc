export interface ExportedParam {
  name: string;
  description: string;
  optional: boolean;
  list: boolean;
  type: string;
}
export interface ExportedFunction {
  name: string;
  description: string;
  returns: string;
  example: string;
  params: ExportedParam[];
}
export interface ExportedEntryPoint {
  name: string;
  params: readonly string[];
}
export function registryProblems(sla: unknown): string[];
export function customFunctionStub(fn: ExportedFunction): string;
export function entryStub(name: string, params: readonly string[]): string;
