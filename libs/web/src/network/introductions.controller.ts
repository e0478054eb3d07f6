import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { DomainError, enforce, notFound, type Viewer } from '@cohesion/common';
import {
  INTRODUCTION_RULES,
  INTRODUCTION_TYPE,
  IntroductionPathsService,
  IntroductionRole,
  IntroductionsService,
  IntroductionStatusView,
  MyIntroductionsArgs,
  NETWORK_LIMITS,
  NETWORK_POLICY,
  RequestIntroductionInput,
  RespondToIntroductionInput,
  type Introduction,
} from '@cohesion/network';
import { PractitionersService, toPractitioner } from '@cohesion/directory';
import { fieldProblem, optionalText, submitForm, textOf, validated } from '../platform/forms.js';
import { recordId } from '../platform/ids.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { BOXES, boxOf, ORIGIN_WORDS, STATUS_TAGS, timelineOf } from './introduction-words.js';
import { NetworkPeople, type PersonCard } from './network-people.js';

const INBOX_VIEW = 'network/views/introductions.njk';
const NEW_VIEW = 'network/views/introduction-new.njk';
const SHOW_VIEW = 'network/views/introduction.njk';
const WITHDRAW_VIEW = 'network/views/introduction-withdraw.njk';
const PAGE_SIZE = 20;

/** At most this many mutual connections are offered to pass a request on. */
const MAX_BROKERS_OFFERED = 10;
const NEW_LABELS = { via: 'Who to ask', message: 'Your message', howWeMet: 'How you know them', to: 'Who' };
const RESPOND_LABELS = { note: 'Your note', accept: 'Your answer' };

/** Someone the viewer can no longer see (blocked, no longer discoverable): named as nobody in particular. */
const SOMEONE: Pick<PersonCard, 'name' | 'id' | 'organisations' | 'jobTitle'> = {
  name: 'Someone you can no longer see',
  id: '',
  organisations: [],
  jobTitle: null,
};

/**
 * Introductions: asking to connect (directly or through someone you both know), the
 * inbox of requests received, sent and to pass on, and one introduction with what its
 * viewer may do next. Each calls IntroductionsService as IntroductionsResolver does.
 */
@WebController('introductions')
export class IntroductionsController {
  constructor(
    private readonly introductions: IntroductionsService,
    private readonly paths: IntroductionPathsService,
    private readonly practitioners: PractitionersService,
    private readonly people: NetworkPeople,
    private readonly pages: Pages,
  ) {}

  @Get()
  @Access('member', NETWORK_POLICY.seeIntroductions)
  async inbox(
    @PageViewer() viewer: Viewer,
    @Query('box') boxValue: unknown,
    @Query('after') after: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const box = boxOf(boxValue);
    const args = await validated(
      MyIntroductionsArgs,
      { role: box.role, first: PAGE_SIZE, after: optionalText(after) },
      'args',
    );
    const page = await this.introductions.list(viewer, args);
    const nodes = page.edges.map((edge) => edge.node);
    const cards = await this.people.cards(
      viewer,
      nodes.flatMap((node) => [node.requesterId, node.targetId, node.brokerId]),
    );
    const person = (id: string | null) => (id ? (cards.get(id) ?? SOMEONE) : undefined);
    response.render(INBOX_VIEW, {
      box,
      boxes: BOXES.map((candidate) => ({
        text: candidate.text,
        href: candidate.box === BOXES[0].box ? '/introductions' : `/introductions?box=${candidate.box}`,
        active: candidate.box === box.box,
      })),
      items: nodes.map((node) => ({
        href: `/introductions/${node.id}`,
        requester: person(node.requesterId),
        target: person(node.targetId),
        broker: person(node.brokerId),
        tag: STATUS_TAGS[node.status],
        createdAt: node.createdAt,
        awaitingYou: node.awaitingYou,
      })),
      totalCount: await page.totalCount,
      next: page.pageInfo.hasNextPage
        ? `/introductions?box=${box.box}&after=${encodeURIComponent(page.pageInfo.endCursor ?? '')}`
        : undefined,
      first: args.after ? (box.box === BOXES[0].box ? '/introductions' : `/introductions?box=${box.box}`) : undefined,
    });
  }

  @Get('new')
  @Access('member', NETWORK_POLICY.requestIntroduction)
  async newForm(@PageViewer() viewer: Viewer, @Query('to') to: unknown, @Res() response: Response): Promise<void> {
    const context = await this.askContext(viewer, to);
    response.render(NEW_VIEW, { ...context, values: { via: context.broker ? context.broker.id : '' } });
  }

  @Post('new')
  @Access('member', NETWORK_POLICY.requestIntroduction)
  async request(
    @PageViewer() viewer: Viewer,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const context = await this.askContext(viewer, body.to);
    const values = {
      via: textOf(body.via),
      message: textOf(body.message),
      // How they met belongs to the "ask directly" choice; it goes with it only.
      howWeMet: textOf(body.via) === '' ? textOf(body.howWeMet) : '',
    };
    await submitForm(response, { view: NEW_VIEW, values, labels: NEW_LABELS, context }, async () => {
      const input = await validated(RequestIntroductionInput, {
        to: context.target.id,
        via: optionalText(values.via),
        message: values.message,
        howWeMet: optionalText(values.howWeMet),
      });
      let introduction: Introduction;
      try {
        introduction = await this.introductions.request(viewer, input);
      } catch (error) {
        // A rule about the two of them (an open request already, a cooldown, a limit) is said
        // beside the form, in the API's words.
        if (error instanceof DomainError && error.code === 'CONFLICT') {
          throw fieldProblem(context.broker ? 'input.via' : 'input.message', error.message);
        }
        throw error;
      }
      const via = context.brokers.find((broker) => input.via === broker.practitionerId);
      const flash = via
        ? `Your request was sent to ${via.name}, who can pass it on to ${context.target.name}.`
        : `Your request was sent to ${context.target.name}.`;
      this.pages.redirect(response, `/introductions/${introduction.id}`, flash);
    });
  }

  @Get(':id')
  @Access('member', NETWORK_POLICY.seeIntroductions)
  async show(@PageViewer() viewer: Viewer, @Param('id') id: string, @Res() response: Response): Promise<void> {
    response.render(SHOW_VIEW, { ...(await this.introductionContext(viewer, id)), values: {} });
  }

  @Post(':id/respond')
  @Access('member', NETWORK_POLICY.respondToIntroduction)
  async respond(
    @PageViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const context = await this.introductionContext(viewer, id);
    const values = { note: textOf(body.note) };
    const accept = body.accept === 'true' ? true : body.accept === 'false' ? false : undefined;
    await submitForm(response, { view: SHOW_VIEW, values, labels: RESPOND_LABELS, context }, async () => {
      const input = await validated(RespondToIntroductionInput, {
        id: context.introduction.id,
        accept,
        note: optionalText(values.note) ?? null,
      });
      const answered = await this.introductions.respond(viewer, input);
      const target = context.target.name;
      const flash =
        answered.viewerRole === IntroductionRole.BROKER
          ? input.accept
            ? `You passed the request on to ${target}.`
            : 'You declined to pass the request on. They are only told that it was not accepted.'
          : input.accept
            ? `You are now connected with ${context.requester.name}.`
            : 'You declined the request. They are only told that it was not accepted.';
      this.pages.redirect(response, `/introductions/${context.introduction.id}`, flash);
    });
  }

  @Get(':id/withdraw')
  @Access('member', NETWORK_POLICY.withdrawIntroduction)
  async withdrawForm(@PageViewer() viewer: Viewer, @Param('id') id: string, @Res() response: Response) {
    const context = await this.introductionContext(viewer, id);
    if (!context.introduction.canWithdraw) throw notFound('That introduction');
    response.render(WITHDRAW_VIEW, { ...context, withdrawCooldownDays: INTRODUCTION_RULES.withdrawCooldownDays });
  }

  @Post(':id/withdraw')
  @Access('member', NETWORK_POLICY.withdrawIntroduction)
  async withdraw(@PageViewer() viewer: Viewer, @Param('id') id: string, @Res() response: Response): Promise<void> {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const introductionId = recordId(id, INTRODUCTION_TYPE);
    const withdrawn = await this.introductions.withdraw(viewer, introductionId);
    this.pages.redirect(response, `/introductions/${withdrawn.id}`, 'You withdrew your request.');
  }

  /** Whom the viewer would ask, and through whom: the shortest path to them, and the policy's say on asking. */
  private async askContext(viewer: Viewer, to: unknown) {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const targetId = recordId(to, 'Practitioner');
    const me = viewer.practitionerId as string;
    if (targetId === me) throw notFound('That practitioner');
    const records = await this.practitioners.visibleByIds(viewer, [me, targetId]);
    const own = records.find((record) => record.id === me);
    const found = records.find((record) => record.id === targetId);
    // Someone the viewer may not see reads as nobody; a viewer who cannot be found is told to change that.
    enforce(NETWORK_POLICY.requestIntroduction, viewer, {
      requester: { discoverable: own ? toPractitioner(own, 'SELF').discoverable === true : false, blocked: false },
      target: found ? { discoverable: true, blocked: false } : undefined,
    });
    const targetRecord = found as NonNullable<typeof found>;
    enforce(NETWORK_POLICY.askPerson, viewer, {
      name: targetRecord.fullName,
      openToIntroductions: targetRecord.openToIntroductions,
    });
    const path = await this.paths.shortest(viewer, targetId, NETWORK_LIMITS.pathMaxHops);
    // A two-step path goes through someone who knows both: every such person could pass a request on.
    const mutual = path?.hops === 2 ? await this.paths.mutualConnections(viewer, targetId, MAX_BROKERS_OFFERED) : [];
    const cards = await this.people.cards(viewer, [...(path?.practitionerIds ?? [targetId]), ...mutual]);
    const target = cards.get(targetId) as PersonCard;
    const chain = (path?.practitionerIds ?? []).map((id) => cards.get(id)).filter((card) => card !== undefined);
    const brokers = mutual.map((id) => cards.get(id)).filter((card) => card !== undefined);
    const broker = brokers[0];
    return {
      target,
      broker,
      brokers,
      path: path && { hops: path.hops, people: chain.slice(1, -1) },
      connected: path?.hops === 1 || target.connectedToYou,
      rules: INTRODUCTION_RULES,
    };
  }

  /** One introduction as its viewer sees it (NOT_FOUND for anyone not part of it), with the people it names. */
  private async introductionContext(viewer: Viewer, id: string) {
    enforce(NETWORK_POLICY.takePart, viewer, undefined);
    const [found] = await this.introductions.visibleByIds(viewer, [recordId(id, INTRODUCTION_TYPE)]);
    enforce(NETWORK_POLICY.seeIntroductions, viewer, { role: found?.viewerRole ?? null });
    const introduction = found;
    const cards = await this.people.cards(viewer, [
      introduction.requesterId,
      introduction.targetId,
      introduction.brokerId,
    ]);
    const requester = cards.get(introduction.requesterId) ?? SOMEONE;
    const target = cards.get(introduction.targetId) ?? SOMEONE;
    const broker = introduction.brokerId ? (cards.get(introduction.brokerId) ?? SOMEONE) : undefined;
    return {
      introduction,
      requester,
      target,
      broker,
      role: introduction.viewerRole,
      tag: STATUS_TAGS[introduction.status],
      origin: ORIGIN_WORDS[introduction.origin],
      timeline: timelineOf(introduction, { requester: requester.name, broker: broker?.name }),
      pending: [IntroductionStatusView.PENDING_BROKER, IntroductionStatusView.PENDING_TARGET].includes(
        introduction.status,
      ),
      canRespond: introduction.awaitingYou,
      canWithdraw: introduction.canWithdraw,
      noteMaxLength: INTRODUCTION_RULES.noteMaxLength,
    };
  }
}
