import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createTestApp, waitForMailedLink, type TestApp } from '@cohesion/testing';
import { DEMO_PASSWORD, DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';
import { launchBrowser, type Browser } from '../support/browser.js';

/**
 * The journeys people make through the website, against the demo data, each with
 * JavaScript on and off: every person in their own browser, signed in once; every page
 * they meet checked with axe; the links they follow taken from the emails the app sent.
 */

const NEWCOMER = {
  name: 'Halima Osei',
  email: 'halima.osei@pleckwomen.example.org',
  password: 'kettle-lantern-meadow-71',
  jobTitle: 'ESOL volunteer coordinator',
  mobile: '07700 900999',
};
const ORGANISATION = "Pleck & Caldmore Women's Circle";
const NASREEN = { name: 'Nasreen Akhtar', email: 'org.admin@demo.cohesion.example', mobile: '07700 900101' };
const DANIEL = { name: 'Daniel Brennan', email: 'member@demo.cohesion.example', mobile: '07700 900102' };
const REZAN = { name: 'Rezan Karimi', email: 'rezan.karimi@demo.cohesion.example' };
const KWAME = { name: 'Kwame Mensah', email: 'kwame.mensah@demo.cohesion.example' };
const SIMRAN = { name: 'Simran Gill', email: 'simran.gill@demo.cohesion.example' };
const TEODORA = { name: 'Teodora Popescu' };

/** One person at their own browser. */
interface Person {
  name: string;
  email: string;
  browser: Browser;
  page: Page;
  /** Console errors, failed requests and 4xx/5xx answers this person's page met. */
  problems: string[];
}

/** A port nobody uses now, so the app's emails can link to where it listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * What the focused element is, and whether a sighted keyboard user can see that it has
 * focus: an outline, or the GOV.UK focus colour as background or shadow (on the label's
 * box for radios and checkboxes, whose input is hidden). Plain JavaScript, run in the page.
 */
const FOCUS_OF = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const yellow = 'rgb(255, 221, 0)';
  const shows = (style) =>
    (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 &&
      style.outlineColor !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(style.outlineColor)) ||
    style.backgroundColor === yellow || style.boxShadow.includes(yellow);
  const label = element.labels && element.labels[0];
  let visible = shows(getComputedStyle(element));
  if (!visible && (element.type === 'radio' || element.type === 'checkbox') && label) {
    visible = shows(getComputedStyle(label, '::before'));
  }
  const rect = element.getBoundingClientRect();
  const name = (element.getAttribute('aria-label') || (label && label.textContent) || element.textContent || '')
    .replace(/\\s+/g, ' ').trim();
  return {
    what: element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + ' "' + name.slice(0, 80) + '"',
    visible: visible && rect.width > 1 && rect.height > 1,
    inMain: document.getElementById('main-content').contains(element),
  };
})()`;

function focusOf(page: Page): Promise<{ what: string; visible: boolean; inMain: boolean } | null> {
  return page.evaluate<{ what: string; visible: boolean; inMain: boolean } | null>(FOCUS_OF);
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the user journeys %s', (_label, javaScript) => {
  let t: TestApp;
  let origin: string;
  const everyone: Person[] = [];
  /** What the pages checked with axe held: a page seen again exactly as it was is not checked again. */
  const checkedPages = new Set<string>();

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    t = await createTestApp({ WORKER_IN_PROCESS: 'true', WORKER_POLL_MS: '50', PUBLIC_URL: origin });
    await t.app.get(DemoDataService).seed();
    await t.app.listen(port, '127.0.0.1');
  });
  afterAll(async () => {
    for (const person of everyone) await person.browser.close();
    await t?.close();
  });

  /** A person at a browser of their own (not signed in yet). */
  async function arrives(who: { name: string; email: string }): Promise<Person> {
    const browser = await launchBrowser({ javaScript });
    const { page, problems } = await browser.page();
    const person = { ...who, browser, page, problems };
    everyone.push(person);
    return person;
  }

  /** The page as it is now: the title it should have, one h1, and nothing axe can fault. */
  async function check(person: Person, title: string, screenshot?: string): Promise<void> {
    const { page, browser } = person;
    await page.locator('h1').first().waitFor();
    expect(await page.title()).toBe(`${title} – Cohesion Network`);
    expect(await page.locator('h1').count()).toBe(1);
    // The same page with the same content (another person's sign-in page, say) is checked once.
    const content = (await page.content()).replace(/name="_csrf" value="[^"]*"/g, '');
    const digest = createHash('sha256').update(content).digest('hex');
    if (!checkedPages.has(digest)) {
      expect(await browser.accessibilityProblems(page)).toEqual([]);
      checkedPages.add(digest);
    }
    if (screenshot && javaScript) await browser.screenshot(page, `web-journey-${screenshot}`);
  }

  /** Goes to a path (or a link from an email) and checks the page it lands on. */
  async function visit(person: Person, path: string, title: string, screenshot?: string): Promise<void> {
    await person.page.goto(path.startsWith('http') ? path : `${origin}${path}`);
    await check(person, title, screenshot);
  }

  /** Waits for the one-time banner a form's redirect shows, then checks the page. */
  async function done(person: Person, banner: string, title: string, screenshot?: string): Promise<void> {
    await person.page.locator('.govuk-notification-banner').getByText(banner).waitFor();
    await check(person, title, screenshot);
  }

  async function signIn(person: Person, password = DEMO_PASSWORD): Promise<void> {
    if (!person.page.url().startsWith(`${origin}/sign-in`)) await visit(person, '/sign-in', 'Sign in');
    await person.page.getByLabel('Email address').fill(person.email);
    await person.page.getByLabel('Password', { exact: true }).fill(password);
    await person.page.getByRole('button', { name: 'Sign in' }).click();
    await person.page.getByRole('button', { name: 'Sign out' }).waitFor();
    await check(person, 'Find services, organisations and people working for cohesive communities');
  }

  /** The link in the email to this person that matches, as they would follow it (to this app). */
  async function emailedLink(person: Person, pattern: RegExp): Promise<string> {
    const link = await waitForMailedLink(t.config.mailDir, person.email, pattern);
    expect(link.startsWith(`${origin}/`)).toBe(true);
    return link;
  }

  /** Done with this person: closes their browser. */
  async function leaves(person: Person): Promise<void> {
    everyone.splice(everyone.indexOf(person), 1);
    await person.browser.close();
  }

  /** Finds someone on /people by words, and opens their profile from the results. */
  async function findAndOpen(person: Person, words: string, name: string): Promise<string> {
    await person.page.getByRole('link', { name: 'People', exact: true }).click();
    await check(person, 'Find people');
    await person.page.getByLabel('Search by name, job or what they work on').fill(words);
    await person.page.getByRole('button', { name: 'Search', exact: true }).click();
    await person.page.locator('#results-heading').waitFor();
    await check(person, 'Find people');
    await person.page.getByRole('link', { name, exact: true }).click();
    await check(person, name);
    return new URL(person.page.url()).pathname;
  }

  function contactDetails(person: Person): Promise<string> {
    return person.page.locator('#contact-details').innerText();
  }

  /** Nothing went wrong on this person's pages but the answers expected (each `HTTP 404: <url>`); then starts afresh. */
  function expectNoProblems(person: Person, expected: string[] = []): void {
    const unexpected = person.problems.filter((problem) => !expected.some((answer) => problem === answer));
    const statusErrors = unexpected.filter((problem) => /^console: .*status of 404/.test(problem));
    // Chromium also says each 404 in the console, without the address.
    expect(statusErrors.length).toBeLessThanOrEqual(expected.length);
    expect(unexpected.filter((problem) => !statusErrors.includes(problem))).toEqual([]);
    person.problems.length = 0;
  }

  let newcomer: Person;
  let nasreen: Person;
  let daniel: Person;
  let danielProfile: string;

  it('a newcomer registers, is confirmed by her organisation, and is introduced to a lead in another council', async () => {
    // Registers, and confirms the address from the email.
    newcomer = await arrives(NEWCOMER);
    await visit(newcomer, '/sign-in', 'Sign in');
    await newcomer.page.getByRole('link', { name: 'Create an account' }).click();
    await check(newcomer, 'Create an account', 'register');
    await newcomer.page.getByLabel('Full name').fill(NEWCOMER.name);
    await newcomer.page.getByLabel('Job title (optional)').fill(NEWCOMER.jobTitle);
    await newcomer.page.getByLabel('Email address').fill(NEWCOMER.email);
    await newcomer.page.getByLabel('Password', { exact: true }).fill(NEWCOMER.password);
    await newcomer.page.getByRole('button', { name: 'Create account' }).click();
    await done(newcomer, `We have emailed ${NEWCOMER.email}`, 'Check your email');
    await visit(newcomer, await emailedLink(newcomer, /confirm that .* is your address/), 'Confirm your email address');
    await newcomer.page.getByRole('button', { name: 'Confirm my email address' }).click();
    await done(newcomer, `${NEWCOMER.email} is confirmed`, 'Sign in');
    await signIn(newcomer, NEWCOMER.password);

    // Says where she works; until the organisation confirms it, people are out of sight.
    expect(await newcomer.page.getByRole('link', { name: 'People', exact: true }).count()).toBe(0);
    await visit(newcomer, '/profile/memberships', 'Where you work');
    if (javaScript) {
      await newcomer.page.locator('#organisationId').fill('Pleck');
      await newcomer.page.getByRole('option', { name: ORGANISATION, exact: true }).click();
    } else {
      await newcomer.page.getByLabel('Organisation').selectOption({ label: ORGANISATION });
    }
    await newcomer.page.getByLabel('Role (optional)').fill('Volunteer coordinator');
    await newcomer.page.getByRole('button', { name: 'Say you work here' }).click();
    await done(newcomer, 'Its admins have been asked to confirm it.', 'Where you work', 'claim-membership');
    expect(await newcomer.page.locator('#pending').innerText()).toContain(ORGANISATION);

    // Her organisation's admin confirms it, from the email she was sent.
    nasreen = await arrives(NASREEN);
    await signIn(nasreen);
    await visit(
      nasreen,
      await emailedLink(nasreen, new RegExp(`${NEWCOMER.name} says they work at`)),
      `Members of ${ORGANISATION}`,
      'confirm-membership',
    );
    await nasreen.page.getByRole('button', { name: `Confirm ${NEWCOMER.name}`, exact: true }).click();
    await done(nasreen, 'You confirmed that 1 person work here.', `Members of ${ORGANISATION}`);

    // She is told, and now she is a verified member.
    await visit(
      newcomer,
      await emailedLink(newcomer, new RegExp(`${ORGANISATION} confirmed your membership`)),
      'Where you work',
    );
    expect(await newcomer.page.locator('#confirmed').innerText()).toContain(ORGANISATION);

    // Fills in her profile: a mobile number only her connections will see.
    await newcomer.page.getByRole('link', { name: 'Edit profile', exact: true }).click();
    await check(newcomer, 'Edit your profile');
    await newcomer.page.getByLabel('Mobile number', { exact: true }).fill(NEWCOMER.mobile);
    await newcomer.page
      .getByRole('group', { name: 'Who can see your mobile number?' })
      .getByLabel('Only people you are connected to')
      .check();
    await newcomer.page.getByRole('button', { name: 'Save your profile' }).click();
    await done(newcomer, 'Your profile has been saved.', NEWCOMER.name);
    const newcomerProfile = new URL(newcomer.page.url()).pathname;

    // Asks her colleague directly to connect: before, Nasreen's mobile is for her connections only.
    const nasreenProfile = await findAndOpen(newcomer, 'Nasreen', NASREEN.name);
    expect(await contactDetails(newcomer)).not.toContain(NASREEN.mobile);
    await newcomer.page.getByRole('button', { name: 'Ask for an introduction' }).click();
    await check(newcomer, `Ask to connect with ${NASREEN.name}`);
    await newcomer.page.getByLabel('We have worked together').check();
    await newcomer.page
      .getByLabel('Your message')
      .fill('Hello Nasreen, I have just joined the Circle as volunteer coordinator; shall we connect here too?');
    await newcomer.page.getByRole('button', { name: 'Send request' }).click();
    await done(newcomer, `Your request was sent to ${NASREEN.name}.`, `Your request to connect with ${NASREEN.name}`);

    await visit(
      nasreen,
      await emailedLink(nasreen, new RegExp(`${NEWCOMER.name} \\(.*\\) would like to connect with you`)),
      `${NEWCOMER.name} would like to connect with you`,
    );
    await nasreen.page.getByLabel('A note, or your reason if you decline').fill('Welcome aboard!');
    await nasreen.page.getByRole('button', { name: 'Accept and connect' }).click();
    await done(
      nasreen,
      `You are now connected with ${NEWCOMER.name}.`,
      `${NEWCOMER.name} would like to connect with you`,
    );

    await visit(
      newcomer,
      await emailedLink(newcomer, new RegExp(`You and ${NASREEN.name} are now connected`)),
      `Your request to connect with ${NASREEN.name}`,
    );
    await newcomer.page.getByRole('link', { name: `See ${NASREEN.name}’s profile` }).click();
    await check(newcomer, NASREEN.name);
    expect(newcomer.page.url()).toBe(`${origin}${nasreenProfile}`);
    expect(await contactDetails(newcomer)).toContain(NASREEN.mobile);

    // Looks for a hate-crime lead in Sandwell, and asks Nasreen, who knows him, to introduce them.
    await newcomer.page.getByRole('link', { name: 'People', exact: true }).click();
    await check(newcomer, 'Find people');
    await newcomer.page.getByLabel('Search by name, job or what they work on').fill('hate crime');
    await newcomer.page.getByRole('button', { name: 'Search', exact: true }).click();
    await newcomer.page.locator('#results-heading').waitFor();
    await newcomer.page.getByRole('checkbox', { name: /^Sandwell \(\d+\)$/ }).check();
    await newcomer.page.getByRole('button', { name: 'Apply filters' }).click();
    await newcomer.page.getByRole('link', { name: /Remove this filter Sandwell/ }).waitFor();
    await check(newcomer, 'Find people', 'find-people');
    await newcomer.page.getByRole('link', { name: DANIEL.name, exact: true }).click();
    await check(newcomer, DANIEL.name);
    danielProfile = new URL(newcomer.page.url()).pathname;
    expect(await newcomer.page.locator('#how-connected').innerText()).toContain(NASREEN.name);
    expect(await contactDetails(newcomer)).toContain('daniel.brennan@police.example.org');
    expect(await contactDetails(newcomer)).not.toContain(DANIEL.mobile);
    await newcomer.page.getByRole('button', { name: 'Ask for an introduction' }).click();
    await check(newcomer, `Ask to connect with ${DANIEL.name}`, 'ask-for-introduction');
    await newcomer.page.getByLabel(`Ask ${NASREEN.name} to introduce you`).check();
    await newcomer.page
      .getByLabel('Your message')
      .fill('We are starting a women-only reporting session for hate crime in Pleck; could we learn from Sandwell?');
    await newcomer.page.getByRole('button', { name: 'Send request' }).click();
    await done(
      newcomer,
      `Your request was sent to ${NASREEN.name}, who can pass it on to ${DANIEL.name}.`,
      `Your request to connect with ${DANIEL.name}`,
    );

    // Nasreen passes it on, from her email.
    await visit(
      nasreen,
      await emailedLink(nasreen, new RegExp(`${NEWCOMER.name} .* would like you to introduce them to ${DANIEL.name}`)),
      `${NEWCOMER.name} asks you to introduce them to ${DANIEL.name}`,
      'pass-on',
    );
    await nasreen.page.getByLabel(`A note for ${DANIEL.name}`).fill('Halima is great: worth half an hour.');
    await nasreen.page.getByRole('button', { name: `Pass it on to ${DANIEL.name}` }).click();
    await done(
      nasreen,
      `You passed the request on to ${DANIEL.name}.`,
      `${NEWCOMER.name} asks you to introduce them to ${DANIEL.name}`,
    );

    // Daniel looks at who is asking (no mobile yet), and accepts.
    daniel = await arrives(DANIEL);
    await signIn(daniel);
    await visit(
      daniel,
      await emailedLink(daniel, new RegExp(`${NEWCOMER.name} .* would like to connect with you`)),
      `${NEWCOMER.name} would like to connect with you`,
      'accept',
    );
    const introduction = daniel.page.url();
    await daniel.page.getByRole('link', { name: NEWCOMER.name, exact: true }).click();
    await check(daniel, NEWCOMER.name);
    expect(daniel.page.url()).toBe(`${origin}${newcomerProfile}`);
    expect(await contactDetails(daniel)).not.toContain(NEWCOMER.mobile);
    await visit(daniel, introduction, `${NEWCOMER.name} would like to connect with you`);
    await daniel.page.getByRole('button', { name: 'Accept and connect' }).click();
    await done(
      daniel,
      `You are now connected with ${NEWCOMER.name}.`,
      `${NEWCOMER.name} would like to connect with you`,
    );
    await daniel.page.getByRole('link', { name: `See ${NEWCOMER.name}’s profile` }).click();
    await check(daniel, NEWCOMER.name, 'connected-profile');
    expect(await contactDetails(daniel)).toContain(NEWCOMER.mobile);

    // And she sees his.
    await visit(newcomer, danielProfile, DANIEL.name);
    expect(await newcomer.page.locator('#how-connected').innerText()).toContain('You are connected');
    expect(await contactDetails(newcomer)).toContain(DANIEL.mobile);

    for (const person of [newcomer, nasreen, daniel]) expectNoProblems(person);
    await leaves(newcomer);
    await leaves(nasreen);
  });

  it('a member shows a contact detail to all members, and hides it again', async () => {
    const rezan = await arrives(REZAN);
    await signIn(rezan);
    const profile = await findAndOpen(rezan, DANIEL.name, DANIEL.name);
    expect(profile).toBe(danielProfile);
    expect(await contactDetails(rezan)).toContain('daniel.brennan@police.example.org');
    expect(await contactDetails(rezan)).not.toContain(DANIEL.mobile);

    const setMobileFor = async (choice: string) => {
      await visit(daniel, '/profile/edit', 'Edit your profile');
      await daniel.page.getByRole('group', { name: 'Who can see your mobile number?' }).getByLabel(choice).check();
      await daniel.page.getByRole('button', { name: 'Save your profile' }).click();
      await done(daniel, 'Your profile has been saved.', DANIEL.name);
    };
    await setMobileFor('Verified members');
    expect(await contactDetails(daniel)).toMatch(new RegExp(`${DANIEL.mobile}\\s*\\(seen by: Members\\)`));
    await visit(rezan, profile, DANIEL.name, 'visibility');
    expect(await contactDetails(rezan)).toContain(DANIEL.mobile);

    await setMobileFor('Only people you are connected to');
    await visit(rezan, profile, DANIEL.name);
    expect(await contactDetails(rezan)).not.toContain(DANIEL.mobile);
    expect(await contactDetails(rezan)).toContain('daniel.brennan@police.example.org');

    expectNoProblems(rezan);
    expectNoProblems(daniel);
    await leaves(rezan);
  });

  it('after a block neither finds nor sees the other, nor can ask them; unblocking restores it', async () => {
    const kwame = await arrives(KWAME);
    await signIn(kwame);
    const kwameProfile = await findAndOpen(daniel, 'Kwame', KWAME.name);
    await daniel.page.getByRole('link', { name: `Block ${KWAME.name}` }).click();
    await check(daniel, `Block ${KWAME.name}`);
    expect(new URL(daniel.page.url()).pathname).toBe('/blocks/new');
    await daniel.page.getByRole('button', { name: `Block ${KWAME.name}` }).click();
    await done(daniel, `You blocked ${KWAME.name}.`, 'People you blocked', 'blocked');

    const notFound: Record<string, string[]> = { daniel: [], kwame: [] };
    /** What `person` meets of `other`: found by name, their profile, asking them for an introduction. */
    const reach = async (person: Person, key: string, other: string, otherProfile: string, blocked: boolean) => {
      const id = otherProfile.split('/').pop() as string;
      await visit(person, `/people?q=${encodeURIComponent(other)}`, 'Find people');
      expect(await person.page.getByRole('link', { name: other, exact: true }).count()).toBe(blocked ? 0 : 1);
      for (const [path, title] of [
        [otherProfile, other],
        [`/introductions/new?to=${id}`, `Ask to connect with ${other}`],
      ]) {
        const response = await person.page.goto(`${origin}${path}`);
        expect(response?.status()).toBe(blocked ? 404 : 200);
        await check(person, blocked ? 'Page not found' : title);
        if (blocked) notFound[key].push(`HTTP 404: ${origin}${path}`);
      }
    };
    await reach(daniel, 'daniel', KWAME.name, kwameProfile, true);
    await reach(kwame, 'kwame', DANIEL.name, danielProfile, true);

    await visit(daniel, '/blocks', 'People you blocked');
    await daniel.page.getByRole('button', { name: `Unblock ${KWAME.name}` }).click();
    await done(daniel, `You unblocked ${KWAME.name}.`, 'People you blocked');
    await reach(daniel, 'daniel', KWAME.name, kwameProfile, false);
    await reach(kwame, 'kwame', DANIEL.name, danielProfile, false);
    await visit(kwame, danielProfile, DANIEL.name);
    expect(await kwame.page.getByRole('button', { name: 'Ask for an introduction' }).count()).toBe(1);

    expectNoProblems(daniel, notFound.daniel);
    expectNoProblems(kwame, notFound.kwame);
    await leaves(kwame);
    await leaves(daniel);
  });

  it('signs in, finds someone and asks for an introduction with the keyboard alone, focus always visible', async () => {
    const simran = await arrives(SIMRAN);
    const { page } = simran;
    const stops: string[] = [];

    /** Presses Tab until the focused element matches, checking on the way that every focus can be seen. */
    const tabTo = async (target: RegExp, key = 'Tab', limit = 150) => {
      for (let presses = 0; presses < limit; presses++) {
        await page.keyboard.press(key);
        const focus = await focusOf(page);
        if (!focus) continue;
        stops.push(focus.what);
        if (!focus.visible) throw new Error(`Focus cannot be seen on ${focus.what} at ${page.url()}`);
        if (target.test(focus.what)) return;
      }
      throw new Error(`Tab never reached ${String(target)} at ${page.url()}; it went ${stops.slice(-10).join(', ')}`);
    };
    const pressAndLand = async (key: string, title: string, screenshot?: string) => {
      await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
      await check(simran, title, screenshot);
    };

    // The skip link is the first thing Tab reaches; it shows, and takes focus past the header.
    await visit(simran, '/', 'Find services, organisations and people working for cohesive communities');
    await page.keyboard.press('Tab');
    expect(await focusOf(page)).toEqual({ what: 'a "Skip to main content"', visible: true, inMain: false });
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main-content');
    await page.keyboard.press('Tab');
    expect((await focusOf(page))?.inMain).toBe(true);
    if (javaScript) await simran.browser.screenshot(page, 'web-journey-keyboard-focus');

    // Signs in.
    await tabTo(/^a "Sign in"$/, 'Shift+Tab');
    await pressAndLand('Enter', 'Sign in');
    await tabTo(/^input#email /);
    await page.keyboard.type(SIMRAN.email);
    await tabTo(/^input#password /);
    await page.keyboard.type(DEMO_PASSWORD);
    await pressAndLand('Enter', 'Find services, organisations and people working for cohesive communities');

    // Finds Teodora by name and opens her profile.
    await tabTo(/^a "People"$/);
    await pressAndLand('Enter', 'Find people');
    await tabTo(/^input#q /);
    await page.keyboard.type(TEODORA.name);
    await pressAndLand('Enter', 'Find people');
    await tabTo(new RegExp(`^a "${TEODORA.name}"$`));
    await pressAndLand('Enter', TEODORA.name);

    // Asks her to connect.
    await tabTo(/^a "Ask for an introduction"$/);
    await pressAndLand('Enter', `Ask to connect with ${TEODORA.name}`);
    await tabTo(/^input#howWeMet /);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('We met at an event').isChecked()).toBe(true);
    await tabTo(/^textarea#message /);
    await page.keyboard.type('I lead on refugee and Roma inclusion in Sandwell; could we compare notes on forums?');
    await tabTo(/^button "Send request"$/);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Space')]);
    await done(simran, 'Your request was sent to', `Your request to connect with ${TEODORA.name}`, 'keyboard-request');
    expect(stops.length).toBeGreaterThan(10);
    expectNoProblems(simran);
  });
});
