import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { listLoader, type LoaderFactory, type Viewer } from '@cohesion/common';
import type { Assessment } from './assessment.model.js';
import { AssessmentService } from './assessment.service.js';

@Injectable()
export class AssessmentsByApplicationLoader implements LoaderFactory<string, Assessment[]> {
  constructor(private readonly assessment: AssessmentService) {}
  create(viewer: Viewer): DataLoader<string, Assessment[]> {
    return listLoader((ids) => this.assessment.assessmentsOf(ids, { seenBy: viewer.accountId }));
  }
}
