import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { Import360GivingArgs } from './import-360giving.args.js';
import { ImportReport } from './import-report.model.js';
import { parseThreeSixtyGivingJson, ThreeSixtyGivingImportService } from './three-sixty-giving-import.service.js';
import { GRANTS_POLICY } from '../../grants.policy.js';

@Resolver()
export class ThreeSixtyGivingImportResolver {
  constructor(private readonly imports: ThreeSixtyGivingImportService) {}

  @Mutation(() => ImportReport, {
    description:
      'Import past awards from a 360Giving 1.4.3 JSON package into a fund. Each grant becomes an award (found again ' +
      'by its 360Giving id, so a second run of the same file changes nothing and a changed grant is updated); bad ' +
      'grants are reported with their reasons while the others load.',
  })
  @Access('member', GRANTS_POLICY.importAwards)
  import360Giving(@Args() args: Import360GivingArgs, @Context() context: RequestContext): Promise<ImportReport> {
    return this.imports.import(viewerOf(context), args.fundId, parseThreeSixtyGivingJson(args.package, 'package'));
  }
}
