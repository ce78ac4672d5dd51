import { operationCommand } from './operation';

export const accrueCommand = operationCommand('accrue');
