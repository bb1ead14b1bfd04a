import { randomUUID } from 'node:crypto';
import type { PartnerCommand } from '../../domain/partner/partner.commands';
import type { PartnerPerson } from '../../domain/partner/partner.events';
import { CommandTable, routesOf } from '../http/command-routes';
import {
  AssessPartnerDto,
  LinkPartnerAliasDto,
  PartnerContactDto,
  PartnerPersonDto,
  RecordOutreachMeetingDto,
  RegisterPartnerDto,
  RemovePartnerContactDto,
  RetirePartnerDto,
  UpdatePartnerDto,
} from './partner-commands.dto';
import { PartnerAnswer, PartnerCommands } from './partner-commands';

const route = routesOf<PartnerCommand, PartnerAnswer>();
const ALLOW = ['coordinator', 'admin'] as const;

/** A person as given, fields left out left out (the DTO instance may carry undefined ones). */
const person = (p: PartnerPersonDto): PartnerPerson => ({ name: p.name, ...(p.phone !== undefined && { phone: p.phone }), ...(p.email !== undefined && { email: p.email }) });
const contact = (c: PartnerContactDto) => ({ contactId: randomUUID(), ...person(c), role: c.role });

/** Issue 21: the partner register, as src/visitors/visitor-commands.table.ts does for visitors. */
export const PARTNER_COMMANDS: CommandTable<PartnerCommand, PartnerAnswer> = {
  name: 'PartnerCommands',
  prefix: 'partners',
  tag: 'partners',
  runner: PartnerCommands,
  routes: {
    register: route({
      path: '',
      allow: [...ALLOW],
      body: RegisterPartnerDto,
      summary: {
        en: 'A partner joins the register: an organisation whose staff refer citizens, with its leader (the first contact) and contact persons.',
        da: 'Opret en samarbejdspartner (hjemmepleje, visitation, læge, plejehjem …) med leder og kontaktpersoner. "Den første kontakt går altid via ledelseslaget."',
      },
      command: (b) => ({
        type: 'RegisterPartner',
        data: {
          partnerId: randomUUID(),
          name: b.name,
          kind: b.kind,
          ...(b.address !== undefined && { address: b.address }),
          ...(b.postcode !== undefined && { postcode: b.postcode }),
          leader: person(b.leader),
          contacts: (b.contacts ?? []).map(contact),
        },
      }),
      location: (answer) => `/partners/${answer.partnerId}`,
      answer: { description: '{ partnerId, revision, position }' },
    }),
    update: route({
      path: ':partnerId/update',
      allow: [...ALLOW],
      body: UpdatePartnerDto,
      summary: { en: 'Name, kind, address or leader changed; only what changed is recorded.', da: 'Ret samarbejdspartnerens navn, type, adresse eller leder.' },
      command: (b) => ({
        type: 'UpdatePartner',
        data: {
          ...(b.name !== undefined && { name: b.name }),
          ...(b.kind !== undefined && { kind: b.kind }),
          ...(b.address !== undefined && { address: b.address }),
          ...(b.postcode !== undefined && { postcode: b.postcode }),
          ...(b.leader !== undefined && { leader: person(b.leader) }),
        },
      }),
    }),
    addContact: route({
      path: ':partnerId/contacts',
      allow: [...ALLOW],
      body: PartnerContactDto,
      summary: { en: 'A contact person at the partner; the answer names its contactId.', da: 'Tilføj en kontaktperson hos samarbejdspartneren.' },
      command: (b) => ({ type: 'AddPartnerContact', data: contact(b) }),
      answer: { description: '{ partnerId, revision, position, contactId }' },
    }),
    removeContact: route({
      path: ':partnerId/contacts/:contactId/remove',
      allow: [...ALLOW],
      body: RemovePartnerContactDto,
      summary: {
        en: 'The contact person is removed: the register and every answer forget their name, phone and e-mail.',
        da: 'Fjern en kontaktperson; navn, telefon og e-mail forsvinder fra registret.',
      },
      command: (b, params) => ({ type: 'RemovePartnerContact', data: { contactId: params.contactId!, ...(b.reason !== undefined && { reason: b.reason }) } }),
    }),
    retire: route({
      path: ':partnerId/retire',
      allow: [...ALLOW],
      body: RetirePartnerDto,
      summary: { en: 'No longer a partner (closed, merged): kept for the history, no more outreach.', da: 'Samarbejdspartneren udgår af registret (lukket, sammenlagt); historikken bevares.' },
      command: (b) => ({ type: 'RetirePartner', data: b.reason === undefined ? {} : { reason: b.reason } }),
    }),
    meeting: route({
      path: ':partnerId/meetings',
      allow: [...ALLOW],
      body: RecordOutreachMeetingDto,
      summary: {
        en: 'An outreach meeting held (management, staff meeting, theme day, phone call, visit), with the materials left and when to get in touch again.',
        da: 'Registrér et møde med samarbejdspartneren: "Husk også efter et stykke tid at gentage møderne med personalet."',
      },
      command: (b) => ({
        type: 'RecordOutreachMeeting',
        data: {
          meetingId: randomUUID(),
          at: b.at,
          kind: b.kind,
          attendees: b.attendees,
          materials: b.materials ?? [],
          ...(b.note !== undefined && { note: b.note }),
          ...(b.nextContactAt !== undefined && { nextContactAt: b.nextContactAt }),
        },
      }),
      answer: { description: '{ partnerId, revision, position, meetingId }' },
    }),
    assess: route({
      path: ':partnerId/assessment',
      allow: [...ALLOW],
      body: AssessPartnerDto,
      summary: {
        en: 'How the partner knows and sees the service, what they gain, and whom to talk to.',
        da: 'Vurdér samarbejdspartneren: "Ved de overhovedet, at vi findes? … Hvem skal vi tale med?"',
      },
      command: (b) => ({
        type: 'AssessPartner',
        data: {
          knowsUs: b.knowsUs,
          attitude: b.attitude,
          ...(b.whatTheyGain !== undefined && { whatTheyGain: b.whatTheyGain }),
          ...(b.contactPerson !== undefined && { contactPerson: b.contactPerson }),
        },
      }),
    }),
    alias: route({
      path: ':partnerId/aliases',
      allow: [...ALLOW],
      body: LinkPartnerAliasDto,
      summary: {
        en: "Referrals that named the partner in free text count for it. An organisation links to one partner only (409 alias_linked_elsewhere).",
        da: 'Knyt et navn, som henvisninger har skrevet, til samarbejdspartneren, så de tælles med.',
      },
      command: (b) => ({ type: 'LinkPartnerAlias', data: { organisation: b.organisation } }),
    }),
  },
};
