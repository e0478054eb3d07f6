import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  badInput,
  DomainError,
  InputValidationPipe,
  invalidFields,
  Viewer,
  type AuthenticatedRequest,
} from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { grantsReportCsv } from './grants-report.csv.js';
import { GrantsReportFilter } from './grants-report.inputs.js';
import { GrantsReportService } from './grants-report.service.js';
import { GRANTS_POLICY } from '../grants.policy.js';

/** Query parameters of the CSV and the filter field each feeds; the single ones may be given once. */
const PARAMETERS = {
  fundId: { field: 'fundIds', single: false },
  councilId: { field: 'councilIds', single: false },
  financialYear: { field: 'financialYears', single: false },
  areaId: { field: 'areaId', single: true },
  themeId: { field: 'themeId', single: true },
  organisationKind: { field: 'organisationKinds', single: false },
  status: { field: 'statuses', single: false },
} as const;
type Parameter = keyof typeof PARAMETERS;

const PARAMETER_NAMES = Object.keys(PARAMETERS) as Parameter[];
const BY_FIELD = new Map<string, Parameter>(PARAMETER_NAMES.map((name) => [PARAMETERS[name].field, name]));
const pipe = new InputValidationPipe();

/** Today's date in the UK, YYYY-MM-DD, for the file name. */
function ukToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/**
 * GET /grants/report.csv: the grantsReport as one spreadsheet-ready CSV, for the same
 * viewers and with the same filters (as query parameters; the list ones may repeat).
 */
@Controller('grants')
export class GrantsReportController {
  constructor(private readonly reports: GrantsReportService) {}

  @Get('report.csv')
  @Access('member', GRANTS_POLICY.viewReports)
  async csv(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<string> {
    const given = new Map<Parameter, number>();
    const filter = await this.filterFrom(request.query, given);
    let csv: string;
    try {
      csv = grantsReportCsv(await this.reports.report(request.viewer ?? Viewer.anonymous(), filter));
    } catch (error) {
      throw renamed(error, given);
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
    response.setHeader('Content-Disposition', `attachment; filename="grants-report-${ukToday()}.csv"`);
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // A byte order mark, so spreadsheets read the file as UTF-8.
    return `\uFEFF${csv}`;
  }

  /** The query string as a validated filter, or BAD_USER_INPUT naming the parameter at fault. */
  private async filterFrom(query: Record<string, unknown>, given: Map<Parameter, number>): Promise<GrantsReportFilter> {
    const plain: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(query)) {
      if (!(PARAMETER_NAMES as string[]).includes(name)) {
        throw badInput(name, `is not a parameter of this report; use ${PARAMETER_NAMES.join(', ')}`);
      }
      const parameter = name as Parameter;
      const values = Array.isArray(raw) ? raw : [raw];
      if (!values.every((value) => typeof value === 'string')) throw badInput(name, 'must be given as name=value');
      given.set(parameter, values.length);
      const { field, single } = PARAMETERS[parameter];
      if (single && values.length > 1) throw badInput(name, 'may be given only once');
      plain[field] = single ? values[0] : values;
    }
    try {
      return (await pipe.transform(plain, { type: 'query', metatype: GrantsReportFilter })) as GrantsReportFilter;
    } catch (error) {
      throw renamed(error, given);
    }
  }
}

/** A filter error with its fields named as the query parameters (`filter.fundIds[0]` -> `fundId`). */
function renamed(error: unknown, given: Map<Parameter, number>): unknown {
  if (!(error instanceof DomainError) || !error.details.fields) return error;
  return invalidFields(
    error.details.fields.map((problem) => {
      const match = /^(?:filter\.)?(\w+)(\[\d+\])?(.*)$/.exec(problem.field);
      const parameter = match ? BY_FIELD.get(match[1]) : undefined;
      if (!match || !parameter) return problem;
      const index = (given.get(parameter) ?? 0) > 1 ? (match[2] ?? '') : '';
      return {
        field: `${parameter}${index}${match[3]}`,
        message: problem.message.replace(new RegExp(`\\b${match[1]}\\b`, 'g'), parameter),
      };
    }),
  );
}
