import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ACCESS_RULE, describeAccessRule, type AccessRule } from '@cohesion/auth';
import { createTestApp, type TestApp } from '@cohesion/testing';

/**
 * Every operation and who may call it, reviewed in one place. An operation added
 * without an @Access rule fails here (and is refused at run time by the global guard);
 * changing who may call one means changing this list in the same commit.
 */
const EXPECTED = [
  'Mutation.acceptInvitation: account (directory.acceptInvitation: the signed-in account the invitation was sent to (verified or not: following it proves the address))',
  'Mutation.activateAward: member (grants.runAward: a GRANTS_OFFICER of the fund’s council (or ADMIN))',
  'Mutation.addEmailDomain: member (directory.manageEmailDomains: ORG_ADMIN of the organisation, or ADMIN)',
  'Mutation.blockPractitioner: member (network.block: you block for yourself, anyone you may see)',
  'Mutation.changeEmail: account (auth.manageOwnAccount: your own account only, verified or not; a change of address or password needs the current password)',
  'Mutation.changePassword: account (auth.manageOwnAccount: your own account only, verified or not; a change of address or password needs the current password)',
  'Mutation.claimMembership: member (directory.claimMembership: a practitioner with a verified email address, for themselves)',
  'Mutation.closeAward: member (grants.runAward: a GRANTS_OFFICER of the fund’s council (or ADMIN))',
  'Mutation.completeSignIn: public (auth.completeSignIn: whoever holds the one-time code the sign-in handed back: it works once, briefly; failures throttled per IP)',
  'Mutation.configureSignIn: admin (auth.configureSignIn: a platform ADMIN: a connection decides who may sign in as the organisation’s staff)',
  'Mutation.confirmMemberships: member (directory.reviewMemberships: ORG_ADMIN of the organisation, or ADMIN)',
  'Mutation.confirmPartnership: member (network.confirmPartnership: an ORG_ADMIN of the organisation that did not propose it (or ADMIN))',
  'Mutation.confirmSignInLink: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'Mutation.createArea: admin (directory.manageReferenceData: a platform ADMIN: areas and taxonomies are shared by every domain)',
  'Mutation.createFund: member (grants.createFund: a GRANTS_OFFICER of the owning council (or ADMIN))',
  'Mutation.createOrganisation: member (directory.createOrganisation: a practitioner with a verified email address; the creator becomes its ORG_ADMIN)',
  'Mutation.createRound: member (grants.runFund: a GRANTS_OFFICER of the fund’s council (or ADMIN); NOT_FOUND for anyone else)',
  'Mutation.createService: member (directory.manageService: ORG_ADMIN of the delivering organisation, or ADMIN)',
  'Mutation.createTaxonomyTerm: admin (directory.manageReferenceData: a platform ADMIN: areas and taxonomies are shared by every domain)',
  'Mutation.decideApplication: member (grants.decideApplication: a GRANTS_OFFICER of the fund’s council (or ADMIN) without a declared conflict)',
  'Mutation.declareConflictOfInterest: member (grants.declareConflict: a GRANTS_OFFICER of the fund’s council (or ADMIN), for themselves)',
  'Mutation.declineMemberships: member (directory.reviewMemberships: ORG_ADMIN of the organisation, or ADMIN)',
  'Mutation.deleteMyAccount: account (auth.deleteOwnAccount: your own account only, verified or not; needs your current password)',
  'Mutation.endMembership: member (directory.endMembership: the person, or ORG_ADMIN of the organisation (or ADMIN); NOT_FOUND for anyone else)',
  'Mutation.endPartnership: member (network.managePartnership: an ORG_ADMIN of either organisation (or ADMIN); NOT_FOUND for anyone else)',
  'Mutation.grantRole: member (auth.grantRole: ADMIN for any role; ORG_ADMIN may add admins of their own organisation)',
  'Mutation.import360Giving: member (grants.importAwards: a GRANTS_OFFICER of the fund’s council, or ADMIN)',
  'Mutation.importOpenReferralFeed: admin (openReferral.importFeed: a platform ADMIN: an import writes to the public directory)',
  'Mutation.inviteMember: member (directory.inviteMembers: ORG_ADMIN of the organisation, or ADMIN)',
  'Mutation.liftSuspension: admin (auth.suspendAccount: a platform ADMIN, never their own account; audited with the reason)',
  'Mutation.linkSignIn: public (auth.linkSignIn: whoever holds a sign-in’s code and the password of the account it waits for; failures throttled per IP)',
  'Mutation.login: public (auth.login: anyone; failures throttled per IP, per email from each IP, and per email)',
  'Mutation.logout: public (auth.logout: holder of the refresh token; `everywhere` needs sign-in)',
  'Mutation.markNotificationsRead: account (notifications.markNotificationsRead: your own notifications only; ids of anyone else’s are ignored)',
  'Mutation.markPaymentPaid: member (grants.runAward: a GRANTS_OFFICER of the fund’s council (or ADMIN))',
  'Mutation.proposePartnership: member (network.proposePartnership: an ORG_ADMIN of the proposing organisation (or ADMIN); the partner’s admins are told)',
  'Mutation.refreshToken: public (auth.refreshToken: holder of a live refresh token; failures throttled per IP)',
  'Mutation.register: public (auth.register: anyone; the answer never says whether the address has an account; attempts throttled per IP)',
  'Mutation.removeConnection: member (network.removeConnection: either side of the connection)',
  'Mutation.removeEmailDomain: member (directory.manageEmailDomains: ORG_ADMIN of the organisation, or ADMIN)',
  'Mutation.removeSignIn: admin (auth.configureSignIn: a platform ADMIN: a connection decides who may sign in as the organisation’s staff)',
  'Mutation.reportMisuse: member (network.reportMisuse: any verified member, about a profile or organisation they may see (NOT_FOUND otherwise); who reported is shown to platform ADMINs only)',
  'Mutation.requestIntroduction: member (network.requestIntroduction: you ask for yourself; the person asked must be discoverable, open to introductions and under their cap)',
  'Mutation.requestPasswordReset: public (auth.requestPasswordReset: anyone; the answer never says whether the address has an account; throttled per IP and per address)',
  'Mutation.resendVerificationEmail: account (auth.manageOwnAccount: your own account only, verified or not; a change of address or password needs the current password)',
  'Mutation.resetPassword: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'Mutation.resolveMisuseReport: admin (network.moderateMisuseReports: a platform ADMIN; resolving is audited)',
  'Mutation.respondToIntroduction: member (network.respondToIntroduction: the broker, then the person asked, each in turn; NOT_FOUND for anyone else)',
  'Mutation.revokeInvitation: member (directory.inviteMembers: ORG_ADMIN of the organisation, or ADMIN)',
  'Mutation.revokeRole: member (auth.revokeRole: ADMIN for any role; ORG_ADMIN may remove admins of their own organisation but not the last)',
  'Mutation.schedulePayment: member (grants.runAward: a GRANTS_OFFICER of the fund’s council (or ADMIN))',
  'Mutation.scoreApplication: member (grants.scoreApplication: a GRANTS_OFFICER of the fund’s council (or ADMIN) who declared no conflict of interest)',
  'Mutation.submitApplication: member (grants.submitApplication: an ORG_ADMIN of the applying organisation, or a GRANTS_OFFICER of the fund’s council recording it for them)',
  'Mutation.submitDraftApplication: member (grants.manageApplication: the applicant’s ORG_ADMINs or the council’s GRANTS_OFFICERs; NOT_FOUND for anyone else)',
  'Mutation.submitMonitoringReport: member (grants.submitMonitoringReport: the grantee’s ORG_ADMINs or the council’s GRANTS_OFFICERs; NOT_FOUND for anyone else)',
  'Mutation.suspendAccount: admin (auth.suspendAccount: a platform ADMIN, never their own account; audited with the reason)',
  'Mutation.unblockPractitioner: member (network.unblock: only blocks you placed)',
  'Mutation.updateArea: admin (directory.manageReferenceData: a platform ADMIN: areas and taxonomies are shared by every domain)',
  'Mutation.updateMyProfile: account (directory.updateMyProfile: your own profile only)',
  'Mutation.updateOrganisation: member (directory.manageOrganisation: ORG_ADMIN of the organisation, or ADMIN)',
  'Mutation.updateService: member (directory.manageService: ORG_ADMIN of the delivering organisation, or ADMIN)',
  'Mutation.updateTaxonomyTerm: admin (directory.manageReferenceData: a platform ADMIN: areas and taxonomies are shared by every domain)',
  'Mutation.verifyEmail: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'Mutation.verifyEmailDomain: admin (directory.verifyEmailDomain: a platform ADMIN)',
  'Mutation.verifyOrganisation: admin (directory.verifyOrganisation: a platform ADMIN)',
  'Mutation.withdrawApplication: member (grants.manageApplication: the applicant’s ORG_ADMINs or the council’s GRANTS_OFFICERs; NOT_FOUND for anyone else)',
  'Mutation.withdrawIntroduction: member (network.withdrawIntroduction: the person who asked; NOT_FOUND for anyone not part of it)',
  'Query.areas: public (directory.seeAreas: areas are public reference data)',
  'Query.auditTrail: member (grants.viewAuditTrail: a GRANTS_OFFICER of the council concerned (or ADMIN); NOT_FOUND for anyone else)',
  'Query.fund: member (grants.viewFund: a GRANTS_OFFICER of the fund’s council (or ADMIN); NOT_FOUND for anyone else)',
  'Query.grantApplication: member (grants.viewApplication: the applicant’s ORG_ADMINs and the council’s GRANTS_OFFICERs; NOT_FOUND for anyone else)',
  'Query.grantFunds: member (grants.listFunds: GRANTS_OFFICERs see their councils’ funds, ADMIN all; FORBIDDEN for anyone else)',
  'Query.grantRound: member (grants.viewRound: open rounds for any member (so groups can apply); others for the council’s GRANTS_OFFICERs)',
  'Query.grantsReport: member (grants.viewReports: a GRANTS_OFFICER sees their councils’ funds; ADMIN sees all)',
  'Query.introductionPath: member (network.findIntroductionPath: verified members only; steps only through people you may see, never anyone blocked either way)',
  'Query.me: account (auth.me: your own account only, verified or not)',
  'Query.membershipInvitations: member (directory.inviteMembers: ORG_ADMIN of the organisation, or ADMIN)',
  'Query.misuseReports: admin (network.moderateMisuseReports: a platform ADMIN; resolving is audited)',
  'Query.myBlockedPractitioners: member (network.seeBlocks: your own blocks only)',
  'Query.myConnections: member (network.seeConnections: your own connections only)',
  'Query.myIntroductions: member (network.seeIntroductions: your own introductions only; a request reaches the person asked only once passed on)',
  'Query.myNotifications: account (notifications.seeNotifications: your own notifications only; emails carrying a verification or reset link are never shown in the app)',
  'Query.network: member (network.seeNetwork: verified members only; people appear only if you may see them in the directory)',
  'Query.node: public (api.node: each type applies its own visibility rules)',
  'Query.organisation: public (directory.seeOrganisation: anyone sees verified, publicly listed organisations, members every listing; NOT_FOUND for one the caller may not see)',
  'Query.organisations: public (directory.seeOrganisation: anyone sees verified, publicly listed organisations, members every listing; NOT_FOUND for one the caller may not see)',
  'Query.overdueMonitoringReports: member (grants.viewMonitoring: GRANTS_OFFICERs see their councils’ awards, ADMIN all; FORBIDDEN for anyone else)',
  'Query.pendingMemberships: member (directory.reviewMemberships: ORG_ADMIN of the organisation, or ADMIN)',
  'Query.practitioner: member (directory.seePractitioner: discoverable profiles to verified members, plus your own; NOT_FOUND for any other)',
  'Query.practitioners: member (directory.seePractitioner: discoverable profiles to verified members, plus your own; NOT_FOUND for any other)',
  'Query.roundPanel: member (grants.viewRoundPanel: a GRANTS_OFFICER of the fund’s council (or ADMIN); NOT_FOUND for anyone else)',
  'Query.search: public (directory.search: anonymous callers find public organisations and services only; people need sign-in)',
  'Query.service: public (directory.seeService: anyone sees public services of verified, publicly listed organisations, members all; NOT_FOUND for one the caller may not see)',
  'Query.services: public (directory.seeService: anyone sees public services of verified, publicly listed organisations, members all; NOT_FOUND for one the caller may not see)',
  'Query.signInConnections: member (auth.seeSignIn: a platform ADMIN, or an ORG_ADMIN of the organisation; never the client secret)',
  'Query.suggestedPeers: member (network.suggestPeers: verified members only; never anyone undiscoverable or blocked either way)',
  'Query.taxonomies: public (directory.seeTaxonomies: taxonomies are public reference data)',
  'Query.taxonomyTerms: public (directory.seeTaxonomies: taxonomies are public reference data)',
  'Query.unreadNotificationCount: account (notifications.seeNotifications: your own notifications only; emails carrying a verification or reset link are never shown in the app)',
];

/** Every REST route and who may call it, reviewed the same way. */
const EXPECTED_REST = [
  'GET /: public (web.readPublicPages: anyone: pages about the service itself, with nothing about any person)',
  'GET /accessibility: public (web.readPublicPages: anyone: pages about the service itself, with nothing about any person)',
  'GET /account/change-password: account (auth.manageOwnAccount: your own account only, verified or not; a change of address or password needs the current password)',
  'GET /account/delete: account (auth.deleteOwnAccount: your own account only, verified or not; needs your current password)',
  'GET /account/deleted: public (web.readPublicPages: anyone: pages about the service itself, with nothing about any person)',
  'GET /account/download: account (auth.exportOwnData: your own data only, verified or not; never other people’s contact details, nor who blocked you)',
  'GET /account/export: account (auth.exportOwnData: your own data only, verified or not; never other people’s contact details, nor who blocked you)',
  'GET /account/forgot-password/check-your-email: public (auth.requestPasswordReset: anyone; the answer never says whether the address has an account; throttled per IP and per address)',
  'GET /account/forgot-password: public (auth.requestPasswordReset: anyone; the answer never says whether the address has an account; throttled per IP and per address)',
  'GET /account/link-sign-in: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'GET /account/reset-password: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'GET /account/verify-email: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'GET /account: account (auth.me: your own account only, verified or not)',
  'GET /admin/accounts: admin (auth.suspendAccount: a platform ADMIN, never their own account; audited with the reason)',
  'GET /admin/email-domains: admin (directory.verifyEmailDomain: a platform ADMIN)',
  'GET /admin/misuse-reports/:id: admin (network.moderateMisuseReports: a platform ADMIN; resolving is audited)',
  'GET /admin/misuse-reports: admin (network.moderateMisuseReports: a platform ADMIN; resolving is audited)',
  'GET /admin/organisations/:id/unverify: admin (directory.verifyOrganisation: a platform ADMIN)',
  'GET /admin/organisations: admin (directory.verifyOrganisation: a platform ADMIN)',
  'GET /admin: admin (directory.verifyOrganisation: a platform ADMIN)',
  'GET /auth/oidc/:connectionId/start: public (auth.startSignIn: anyone: leaves for the organisation’s identity provider; throttled per IP)',
  'GET /auth/oidc/callback: public (auth.signInCallback: the browser that started the sign-in, once, before it expires; throttled per IP)',
  'GET /blocks/new: member (network.block: you block for yourself, anyone you may see)',
  'GET /blocks: member (network.seeBlocks: your own blocks only)',
  'GET /connections/:person/remove: member (network.removeConnection: either side of the connection)',
  'GET /connections: member (network.seeConnections: your own connections only)',
  'GET /funding: public (grants.publishGrants: anyone: published grants are open data (awards only, organisations only, nothing about people))',
  'GET /grants/360giving/councils/:organisationId.csv: public (grants.publishGrants: anyone: published grants are open data (awards only, organisations only, nothing about people))',
  'GET /grants/360giving/councils/:organisationId.json: public (grants.publishGrants: anyone: published grants are open data (awards only, organisations only, nothing about people))',
  'GET /grants/360giving/funds/:fundId.csv: public (grants.publishGrants: anyone: published grants are open data (awards only, organisations only, nothing about people))',
  'GET /grants/360giving/funds/:fundId.json: public (grants.publishGrants: anyone: published grants are open data (awards only, organisations only, nothing about people))',
  'GET /grants/report.csv: member (grants.viewReports: a GRANTS_OFFICER sees their councils’ funds; ADMIN sees all)',
  'GET /graphiql/:name: public (api.graphiql: anyone: the in-browser IDE’s own code, outside production)',
  'GET /health/ready: public (api.readiness: readiness probe)',
  'GET /health: public (api.liveness: liveness probe)',
  'GET /introductions/:id/withdraw: member (network.withdrawIntroduction: the person who asked; NOT_FOUND for anyone not part of it)',
  'GET /introductions/:id: member (network.seeIntroductions: your own introductions only; a request reaches the person asked only once passed on)',
  'GET /introductions/new: member (network.requestIntroduction: you ask for yourself; the person asked must be discoverable, open to introductions and under their cap)',
  'GET /introductions: member (network.seeIntroductions: your own introductions only; a request reaches the person asked only once passed on)',
  'GET /invitations/accept: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'GET /network: member (network.seeNetwork: verified members only; people appear only if you may see them in the directory)',
  'GET /notifications: account (notifications.seeNotifications: your own notifications only; emails carrying a verification or reset link are never shown in the app)',
  'GET /openreferral/v3/openapi.json: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/organizations/:id: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/organizations: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/service_at_locations/:id: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/service_at_locations: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/services/:id: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/services: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/taxonomies/:id: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/taxonomies: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/taxonomy_terms/:id: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3/taxonomy_terms: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /openreferral/v3: public (openReferral.readFeed: anyone: the public service directory is open data (active public services of listed organisations))',
  'GET /organisations/:id/network: member (network.seeNetwork: verified members only; people appear only if you may see them in the directory)',
  'GET /organisations/:id: public (directory.seeOrganisation: anyone sees verified, publicly listed organisations, members every listing; NOT_FOUND for one the caller may not see)',
  'GET /organisations/:organisation/memberships: member (directory.reviewMemberships: ORG_ADMIN of the organisation, or ADMIN)',
  'GET /organisations/:organisation/partnerships/:partnership/end: member (network.managePartnership: an ORG_ADMIN of either organisation (or ADMIN); NOT_FOUND for anyone else)',
  'GET /organisations/:organisation/partnerships: member (network.proposePartnership: an ORG_ADMIN of the proposing organisation (or ADMIN); the partner’s admins are told)',
  'GET /organisations: public (directory.seeOrganisation: anyone sees verified, publicly listed organisations, members every listing; NOT_FOUND for one the caller may not see)',
  'GET /people/:id: account (directory.seePractitioner: discoverable profiles to verified members, plus your own; NOT_FOUND for any other)',
  'GET /people: account (directory.findPeople: verified members only)',
  'GET /profile/edit: account (directory.updateMyProfile: your own profile only)',
  'GET /profile/memberships/:id/leave: member (directory.endMembership: the person, or ORG_ADMIN of the organisation (or ADMIN); NOT_FOUND for anyone else)',
  'GET /profile/memberships: account (directory.seeMembership: open ones with the profile; history to the person and the organisation’s admins; NOT_FOUND otherwise)',
  'GET /profile/preview: account (directory.seeContactDetail: public details to anyone, members-only to verified members, connections-only to connections, hidden to the owner)',
  'GET /register/check-your-email: public (auth.register: anyone; the answer never says whether the address has an account; attempts throttled per IP)',
  'GET /register: public (auth.register: anyone; the answer never says whether the address has an account; attempts throttled per IP)',
  'GET /reports/new: member (network.reportMisuse: any verified member, about a profile or organisation they may see (NOT_FOUND otherwise); who reported is shown to platform ADMINs only)',
  'GET /reports/sent: member (network.reportMisuse: any verified member, about a profile or organisation they may see (NOT_FOUND otherwise); who reported is shown to platform ADMINs only)',
  'GET /services/:id: public (directory.seeService: anyone sees public services of verified, publicly listed organisations, members all; NOT_FOUND for one the caller may not see)',
  'GET /services: public (directory.search: anonymous callers find public organisations and services only; people need sign-in)',
  'GET /sign-in/council/:connectionId: public (auth.startSignIn: anyone: leaves for the organisation’s identity provider; throttled per IP)',
  'GET /sign-in/council/finish: public (auth.completeSignIn: whoever holds the one-time code the sign-in handed back: it works once, briefly; failures throttled per IP)',
  'GET /sign-in/council: public (auth.startSignIn: anyone: leaves for the organisation’s identity provider; throttled per IP)',
  'GET /sign-in: public (auth.login: anyone; failures throttled per IP, per email from each IP, and per email)',
  'GET /suggestions: member (network.suggestPeers: verified members only; never anyone undiscoverable or blocked either way)',
  'POST /account/change-password: account (auth.manageOwnAccount: your own account only, verified or not; a change of address or password needs the current password)',
  'POST /account/delete: account (auth.deleteOwnAccount: your own account only, verified or not; needs your current password)',
  'POST /account/download: account (auth.exportOwnData: your own data only, verified or not; never other people’s contact details, nor who blocked you)',
  'POST /account/forgot-password: public (auth.requestPasswordReset: anyone; the answer never says whether the address has an account; throttled per IP and per address)',
  'POST /account/link-sign-in: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'POST /account/reset-password: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'POST /account/sign-out-everywhere: account (auth.logout: holder of the refresh token; `everywhere` needs sign-in)',
  'POST /account/verify-email/resend: account (auth.manageOwnAccount: your own account only, verified or not; a change of address or password needs the current password)',
  'POST /account/verify-email: public (auth.followEmailedLink: whoever holds the emailed link: it works once, until it expires; attempts throttled per IP)',
  'POST /admin/accounts/:id/lift: admin (auth.suspendAccount: a platform ADMIN, never their own account; audited with the reason)',
  'POST /admin/accounts/:id/suspend: admin (auth.suspendAccount: a platform ADMIN, never their own account; audited with the reason)',
  'POST /admin/email-domains/:id/verify: admin (directory.verifyEmailDomain: a platform ADMIN)',
  'POST /admin/misuse-reports/:id/resolve: admin (network.moderateMisuseReports: a platform ADMIN; resolving is audited)',
  'POST /admin/organisations/:id/unverify: admin (directory.verifyOrganisation: a platform ADMIN)',
  'POST /admin/organisations/:id/verify: admin (directory.verifyOrganisation: a platform ADMIN)',
  'POST /blocks/:person/unblock: member (network.unblock: only blocks you placed)',
  'POST /blocks/new: member (network.block: you block for yourself, anyone you may see)',
  'POST /connections/:person/remove: member (network.removeConnection: either side of the connection)',
  'POST /introductions/:id/respond: member (network.respondToIntroduction: the broker, then the person asked, each in turn; NOT_FOUND for anyone else)',
  'POST /introductions/:id/withdraw: member (network.withdrawIntroduction: the person who asked; NOT_FOUND for anyone not part of it)',
  'POST /introductions/new: member (network.requestIntroduction: you ask for yourself; the person asked must be discoverable, open to introductions and under their cap)',
  'POST /invitations/accept: account (directory.acceptInvitation: the signed-in account the invitation was sent to (verified or not: following it proves the address))',
  'POST /notifications/:id/read: account (notifications.markNotificationsRead: your own notifications only; ids of anyone else’s are ignored)',
  'POST /notifications/read-all: account (notifications.markNotificationsRead: your own notifications only; ids of anyone else’s are ignored)',
  'POST /organisations/:organisation/email-domains/:domain/remove: member (directory.manageEmailDomains: ORG_ADMIN of the organisation, or ADMIN)',
  'POST /organisations/:organisation/email-domains: member (directory.manageEmailDomains: ORG_ADMIN of the organisation, or ADMIN)',
  'POST /organisations/:organisation/invitations/:invitation/revoke: member (directory.inviteMembers: ORG_ADMIN of the organisation, or ADMIN)',
  'POST /organisations/:organisation/invitations: member (directory.inviteMembers: ORG_ADMIN of the organisation, or ADMIN)',
  'POST /organisations/:organisation/memberships: member (directory.reviewMemberships: ORG_ADMIN of the organisation, or ADMIN)',
  'POST /organisations/:organisation/partnerships/:partnership/confirm: member (network.confirmPartnership: an ORG_ADMIN of the organisation that did not propose it (or ADMIN))',
  'POST /organisations/:organisation/partnerships/:partnership/end: member (network.managePartnership: an ORG_ADMIN of either organisation (or ADMIN); NOT_FOUND for anyone else)',
  'POST /organisations/:organisation/partnerships: member (network.proposePartnership: an ORG_ADMIN of the proposing organisation (or ADMIN); the partner’s admins are told)',
  'POST /profile/edit: account (directory.updateMyProfile: your own profile only)',
  'POST /profile/memberships/:id/leave: member (directory.endMembership: the person, or ORG_ADMIN of the organisation (or ADMIN); NOT_FOUND for anyone else)',
  'POST /profile/memberships: member (directory.claimMembership: a practitioner with a verified email address, for themselves)',
  'POST /register: public (auth.register: anyone; the answer never says whether the address has an account; attempts throttled per IP)',
  'POST /reports/new: member (network.reportMisuse: any verified member, about a profile or organisation they may see (NOT_FOUND otherwise); who reported is shown to platform ADMINs only)',
  'POST /sign-in/council/continue: public (auth.completeSignIn: whoever holds the one-time code the sign-in handed back: it works once, briefly; failures throttled per IP)',
  'POST /sign-in/council/link: public (auth.linkSignIn: whoever holds a sign-in’s code and the password of the account it waits for; failures throttled per IP)',
  'POST /sign-in: public (auth.login: anyone; failures throttled per IP, per email from each IP, and per email)',
  'POST /sign-out: public (web.signOut: the browser’s own session: signing out ends it and nothing else)',
];

describe('every operation has an access decision', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('matches the reviewed list, and covers the whole schema', () => {
    const modules = t.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const declared: string[] = [];
    const seen = new Set<string>();
    const wrappers = [...modules.values()].flatMap((module) => [...module.providers.values()]);
    for (const wrapper of wrappers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method] as object;
        const type = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name = (Reflect.getMetadata('graphql:resolver_name', handler) as string | undefined) ?? method;
        const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ??
          Reflect.getMetadata(ACCESS_RULE, instance.constructor)) as AccessRule | undefined;
        const key = `${type}.${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        declared.push(`${key}: ${describeAccessRule(rule)}`);
      }
    }
    expect(declared.sort()).toEqual(EXPECTED);

    const schema = t.app.get(GraphQLSchemaHost).schema;
    const inSchema = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
    ].sort();
    expect(inSchema).toEqual([...seen].sort());
  });

  it('covers every REST route too', () => {
    const modules = t.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const routes: string[] = [];
    for (const module of modules.values()) {
      for (const wrapper of module.controllers.values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, instance.constructor) ?? '');
        const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
        for (const method of scanner.getAllMethodNames(prototype)) {
          const handler = prototype[method] as object;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (path === undefined) continue;
          const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ??
            Reflect.getMetadata(ACCESS_RULE, instance.constructor)) as AccessRule | undefined;
          const url = `/${[base, path].filter((part) => part && part !== '/').join('/')}`;
          routes.push(`${verb} ${url}: ${describeAccessRule(rule)}`);
        }
      }
    }
    expect(routes.sort()).toEqual(EXPECTED_REST);
  });
});
