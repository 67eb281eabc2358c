import { describe, expect, it } from 'vitest';
import { decodeGlobalId } from '../../../schema/globalId.ts';
import { startOfIsoDate } from '../../../devtools/demo-world/cstTime.ts';
import { BUREAU_CODES } from '../../../devtools/demo-world/generateWorld.ts';
import { defaultWorld, UNTIL } from './seedFixture.ts';

const world = () => defaultWorld();
const all = () => BUREAU_CODES.flatMap((c) => world().bureaus[c]!.projects);

describe('generateProjects', () => {
  it('gives each bureau 50 projects with ids P0001… and unique project codes', () => {
    for (const code of BUREAU_CODES) {
      const projects = world().bureaus[code]!.projects;
      expect(projects).toHaveLength(50);
      projects.forEach((p, i) => expect(decodeGlobalId(p.id)).toEqual({ type: 'Project', cityCode: code, localId: `P${String(i + 1).padStart(4, '0')}` }));
      expect(new Set(projects.map((p) => p.code)).size).toBe(50);
      expect(new Set(projects.map((p) => p.name)).size).toBe(50);
      for (const p of projects) expect(p.code).toMatch(/^\d{4}-\d{6}-\d{2}-0[13]-\d{6}$/);
    }
  });

  it('includes 潼南’s 双江航电枢纽 on the 涪江 as published', () => {
    const hub = world().bureaus['500152']!.projects.find((p) => p.name.includes('双江航电枢纽'));
    expect(hub).toMatchObject({
      category: 'HYDROPOWER_NAVIGATION', status: 'UNDER_CONSTRUCTION', jointlyPlanned: true, riverIds: ['fujiang'],
      progressPercent: 90, eia: { documentType: 'REPORT_BOOK', status: 'APPROVED' },
    });
    expect(hub!.plannedStart?.startsWith('2020')).toBe(true);
    expect(hub!.description).toContain('48兆瓦');
    expect(hub!.eia!.approvalNumber).toMatch(/^渝环准〔2020〕\d+号$/);
  });

  it('keeps dates, progress and EIA consistent with the status at `until`', () => {
    for (const p of all()) {
      const start = p.plannedStart ? startOfIsoDate(p.plannedStart) : null;
      const end = p.plannedCompletion ? startOfIsoDate(p.plannedCompletion) : null;
      if (start !== null && end !== null) expect(end).toBeGreaterThan(start);
      expect(p.updatedAt).toBeLessThanOrEqual(UNTIL);
      switch (p.status) {
        case 'COMPLETED': expect(p.progressPercent).toBe(100); expect(end!).toBeLessThanOrEqual(UNTIL); break;
        case 'UNDER_CONSTRUCTION': expect(p.progressPercent).toBeGreaterThan(0); expect(p.progressPercent).toBeLessThan(100); expect(start!).toBeLessThanOrEqual(UNTIL); break;
        case 'APPROVED': case 'PLANNED': expect(p.progressPercent).toBeLessThanOrEqual(5); if (start !== null) expect(start).toBeGreaterThan(UNTIL); break;
        case 'SUSPENDED': expect(start!).toBeLessThanOrEqual(UNTIL); break;
      }
      const eia = p.eia;
      if (!eia) continue;
      if (eia.status === 'APPROVED') {
        expect(eia.approvalNumber).toBeTruthy();
        expect(eia.submittedOn! < eia.approvedOn!).toBe(true);
        expect(startOfIsoDate(eia.approvedOn!)).toBeLessThanOrEqual(UNTIL);
        if (start !== null && p.status !== 'APPROVED') expect(startOfIsoDate(eia.approvedOn!)).toBeLessThanOrEqual(start);
      } else {
        expect(eia.approvalNumber).toBeNull();
        expect(eia.approvedOn).toBeNull();
      }
      if (['UNDER_CONSTRUCTION', 'COMPLETED'].includes(p.status)) expect(eia.status).toBe('APPROVED');
    }
  });

  it('gives approval numbers that are unique and run with the approval date per authority and year', () => {
    const approved = all().filter((p) => p.eia?.approvalNumber && p.eia.documentType !== 'REGISTRATION_FORM');
    const numbers = approved.map((p) => p.eia!.approvalNumber!);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^.+〔\d{4}〕\d+号$/);
  });

  it('names partners only for jointly planned projects, never the owner, and rivers that exist', () => {
    const rivers = new Set(world().region.rivers.map((r) => r.id));
    const joint = all().filter((p) => p.jointlyPlanned);
    expect(joint.length).toBeGreaterThan(all().length * 0.25);
    for (const p of all()) {
      expect(p.partnerCityCodes.length > 0).toBe(p.jointlyPlanned);
      expect(p.partnerCityCodes).not.toContain(p.cityCode);
      for (const r of p.riverIds) expect(rivers.has(r)).toBe(true);
      expect(p.investmentWanYuan).toBeGreaterThan(0);
    }
    expect(new Set(all().map((p) => p.category)).size).toBe(7);
  });
});
