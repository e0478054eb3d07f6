import { registerEnumType } from '@nestjs/graphql';

export enum ConnectionOrigin {
  INTRODUCTION = 'INTRODUCTION',
  MET_AT_EVENT = 'MET_AT_EVENT',
  WORKED_TOGETHER = 'WORKED_TOGETHER',
}
registerEnumType(ConnectionOrigin, { name: 'ConnectionOrigin', description: 'How two people came to be connected.' });
