import { operationCommand } from './operation';

export const redeemCommand = operationCommand('redeem');
