import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '@cohesion/auth';
import { decodeGlobalId, DomainError, languageName, notFound, toGlobalId, type Viewer } from '@cohesion/common';
import {
  AreasService,
  CONTACT_VISIBILITIES,
  COHESION_THEMES,
  DIRECTORY_POLICY,
  PractitionersService,
  TaxonomyService,
  UpdateMyProfileInput,
  type ContactVisibilityValue,
  type Practitioner,
} from '@cohesion/directory';
import { listOf, optionalText, submitForm, textOf, validated } from '../platform/forms.js';
import { Pages } from '../platform/pages.js';
import { PageViewer, WebController } from '../platform/web-controller.js';
import { PeopleReader } from './people.reader.js';

const EDIT_VIEW = 'people/views/profile-edit.njk';
const CONTACT_FIELDS = ['email', 'phone', 'mobile', 'website'] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

/** Languages offered as boxes to tick (the West Midlands' most spoken); any other you hold stays offered. */
const COMMON_LANGUAGES = [
  'en',
  'ur',
  'pa',
  'bn',
  'gu',
  'hi',
  'ar',
  'so',
  'ku',
  'fa',
  'ps',
  'pl',
  'ro',
  'ti',
  'zh',
  'cy',
];

const LABELS: Record<string, string> = {
  fullName: 'Full name',
  jobTitle: 'Job title',
  bio: 'About you',
  canHelpWith: 'What you can help with',
  lookingFor: 'What you are looking for',
  languages: 'Languages',
  introductionsMonthlyCap: 'Most introduction requests a month',
  'contact-email': 'Contact email address',
  'contact-phone': 'Phone number',
  'contact-mobile': 'Mobile number',
  'contact-website': 'Website',
};

/** How each visibility reads beside a contact field. */
const VISIBILITY_WORDS: Record<ContactVisibilityValue, { text: string; hint: string }> = {
  PUBLIC: { text: 'Anyone who can see your profile', hint: 'Public' },
  MEMBERS: { text: 'Verified members', hint: 'Members' },
  CONNECTIONS: { text: 'Only people you are connected to', hint: 'Connections' },
  HIDDEN: { text: 'Only you', hint: 'Hidden' },
};

/** What the edit form shows and sends back. */
interface ProfileForm extends Record<string, unknown> {
  version: string;
  fullName: string;
  jobTitle: string;
  bio: string;
  canHelpWith: string;
  lookingFor: string;
  expertiseIds: string[];
  areaIds: string[];
  languages: string[];
  openToIntroductions: string;
  introductionsMonthlyCap: string;
  discoverable: string;
  contact: Record<ContactField, string>;
  visibility: Record<ContactField, string>;
}

function formOf(profile: Practitioner, expertiseIds: string[], areaIds: string[]): ProfileForm {
  const visibility = profile.contactVisibility;
  return {
    version: String(profile.version ?? ''),
    fullName: profile.fullName,
    jobTitle: profile.jobTitle ?? '',
    bio: profile.bio ?? '',
    canHelpWith: profile.canHelpWith ?? '',
    lookingFor: profile.lookingFor ?? '',
    expertiseIds,
    areaIds,
    languages: profile.languages,
    openToIntroductions: profile.openToIntroductions ? 'yes' : 'no',
    introductionsMonthlyCap: String(profile.introductionsMonthlyCap ?? ''),
    discoverable: profile.discoverable === false ? 'no' : 'yes',
    contact: {
      email: profile.contact.email ?? '',
      phone: profile.contact.phone ?? '',
      mobile: profile.contact.mobile ?? '',
      website: profile.contact.website ?? '',
    },
    visibility: {
      email: visibility?.email ?? 'CONNECTIONS',
      phone: visibility?.phone ?? 'CONNECTIONS',
      mobile: visibility?.mobile ?? 'HIDDEN',
      website: visibility?.website ?? 'MEMBERS',
    },
  };
}

function formFromBody(body: Record<string, unknown>): ProfileForm {
  const contact = {} as Record<ContactField, string>;
  const visibility = {} as Record<ContactField, string>;
  for (const field of CONTACT_FIELDS) {
    contact[field] = textOf(body[`contact-${field}`]);
    visibility[field] = textOf(body[`contactVisibility-${field}`]);
  }
  return {
    version: textOf(body.version),
    fullName: textOf(body.fullName),
    jobTitle: textOf(body.jobTitle),
    bio: textOf(body.bio),
    canHelpWith: textOf(body.canHelpWith),
    lookingFor: textOf(body.lookingFor),
    expertiseIds: listOf(body.expertiseIds),
    areaIds: listOf(body.areaIds),
    languages: listOf(body.languages),
    openToIntroductions: textOf(body.openToIntroductions),
    introductionsMonthlyCap: textOf(body.introductionsMonthlyCap),
    discoverable: textOf(body.discoverable),
    contact,
    visibility,
  };
}

/** The form as `updateMyProfile`'s input: every field given, so what the form shows is what is saved. */
function inputOf(form: ProfileForm): Record<string, unknown> {
  const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : undefined);
  const cap = form.introductionsMonthlyCap.trim();
  const visibility: Record<string, string | undefined> = {};
  const contact: Record<string, string | null> = {};
  for (const field of CONTACT_FIELDS) {
    contact[field] = optionalText(form.contact[field]) ?? null;
    visibility[field] = form.visibility[field] || undefined;
  }
  return {
    version: /^\d+$/.test(form.version) ? Number(form.version) : undefined,
    fullName: form.fullName,
    jobTitle: optionalText(form.jobTitle) ?? null,
    bio: optionalText(form.bio) ?? null,
    canHelpWith: optionalText(form.canHelpWith) ?? null,
    lookingFor: optionalText(form.lookingFor) ?? null,
    languages: form.languages,
    expertiseIds: form.expertiseIds,
    areaIds: form.areaIds,
    openToIntroductions: yesNo(form.openToIntroductions),
    discoverable: yesNo(form.discoverable),
    introductionsMonthlyCap: cap === '' ? undefined : /^-?\d+$/.test(cap) ? Number(cap) : cap,
    contact,
    contactVisibility: visibility,
  };
}

/** Your own profile: the form of the API's `updateMyProfile`, and a preview of what others see. */
@WebController()
export class MyProfileController {
  constructor(
    private readonly practitioners: PractitionersService,
    private readonly people: PeopleReader,
    private readonly taxonomy: TaxonomyService,
    private readonly areas: AreasService,
    private readonly pages: Pages,
  ) {}

  @Get('profile/edit')
  @Access('account', DIRECTORY_POLICY.updateMyProfile)
  async edit(@PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    const me = await this.mine(viewer);
    const form = formOf(
      me.profile,
      me.themes.map((theme) => theme.id),
      me.areas.map((area) => area.id),
    );
    response.render(EDIT_VIEW, { ...(await this.context(viewer, form)), values: form });
  }

  @Post('profile/edit')
  @Access('account', DIRECTORY_POLICY.updateMyProfile)
  async save(
    @Body() body: Record<string, unknown>,
    @PageViewer() viewer: Viewer,
    @Res() response: Response,
  ): Promise<void> {
    const form = formFromBody(body);
    const context = await this.context(viewer, form);
    await submitForm(response, { view: EDIT_VIEW, values: form, labels: LABELS, context }, async () => {
      const input = await validated(UpdateMyProfileInput, inputOf(form));
      try {
        await this.practitioners.updateMyProfile(viewer, input);
      } catch (error) {
        // Saved elsewhere since this form was opened: say so, keep what was typed, save nothing.
        if (error instanceof DomainError && error.code === 'CONFLICT') {
          response.status(409).render(EDIT_VIEW, { ...context, values: form, conflict: error.message });
          return;
        }
        throw error;
      }
      this.pages.redirect(
        response,
        `/people/${toGlobalId('Practitioner', viewer.practitionerId as string)}`,
        'Your profile has been saved.',
      );
    });
  }

  @Get('profile/preview')
  @Access('account', DIRECTORY_POLICY.seeContactDetail)
  async preview(@Query('as') as: unknown, @PageViewer() viewer: Viewer, @Res() response: Response): Promise<void> {
    const relationship = as === 'connection' ? 'CONNECTION' : as === 'member' ? 'MEMBER' : undefined;
    if (!relationship) throw notFound('That preview');
    const me = viewer.practitionerId;
    if (!me) throw notFound('Your profile');
    // The owner's own record, built for another relationship by the same mapper (and so the
    // same contact-visibility rule) the service uses for every viewer.
    const [person] = await this.people.people(viewer, [me], { areas: true, as: relationship });
    if (!person) throw notFound('Your profile');
    response.render('people/views/profile-preview.njk', { person, as: relationship });
  }

  private async mine(viewer: Viewer) {
    const me = viewer.practitionerId;
    if (!me) throw notFound('Your profile');
    const [person] = await this.people.people(viewer, [me], { areas: true });
    if (!person) throw notFound('Your profile');
    return person;
  }

  /** The choices the form offers: every cohesion theme, the councils, common languages, each visibility. */
  private async context(viewer: Viewer, form: ProfileForm) {
    const [themes, councils] = await Promise.all([
      this.taxonomy.listTerms({ taxonomy: COHESION_THEMES }, { first: 100 }),
      this.areas.list({ kinds: ['LOCAL_AUTHORITY'] } as unknown as Parameters<AreasService['list']>[0], { first: 100 }),
    ]);
    const areaOptions = councils.edges.map((edge) => ({ value: edge.node.id, text: edge.node.name }));
    const missing = form.areaIds.filter((id) => !areaOptions.some((option) => option.value === id));
    if (missing.length) {
      const ids = missing.flatMap((id) =>
        decodeGlobalId(id)?.type === 'Area' ? [decodeGlobalId(id)?.id as string] : [],
      );
      for (const area of await this.areas.byIds(ids)) {
        areaOptions.push({ value: toGlobalId('Area', area.id), text: area.name });
      }
    }
    const languages = [...new Set([...COMMON_LANGUAGES, ...form.languages])];
    return {
      profileHref: `/people/${toGlobalId('Practitioner', viewer.practitionerId as string)}`,
      themeOptions: themes.edges.map((edge) => ({
        value: edge.node.id,
        text: edge.node.name,
        checked: form.expertiseIds.includes(edge.node.id),
      })),
      areaOptions: areaOptions.map((option) => ({ ...option, checked: form.areaIds.includes(option.value) })),
      languageOptions: languages.map((code) => ({
        value: code,
        text: languageName(code),
        checked: form.languages.includes(code),
      })),
      contactFields: CONTACT_FIELDS.map((field) => ({
        field,
        label: LABELS[`contact-${field}`],
        type: field === 'email' ? 'email' : field === 'website' ? 'url' : 'tel',
        autocomplete: field === 'email' ? 'email' : field === 'website' ? 'url' : 'tel',
        visibilityItems: CONTACT_VISIBILITIES.map((value) => ({
          value,
          text: VISIBILITY_WORDS[value].text,
          checked: form.visibility[field] === value,
        })),
      })),
    };
  }
}
