import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { listLoader, type LoaderFactory } from '@cohesion/common';
import type { GrantRound } from './round.model.js';
import { RoundsService } from './rounds.service.js';

@Injectable()
export class RoundsByFundLoader implements LoaderFactory<string, GrantRound[]> {
  constructor(private readonly rounds: RoundsService) {}
  create(): DataLoader<string, GrantRound[]> {
    return listLoader((ids) => this.rounds.roundsOf(ids));
  }
}
