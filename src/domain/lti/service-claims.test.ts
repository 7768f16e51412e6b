import { describe, expect, it } from 'vitest';
import { LTI_SERVICE_CLAIMS, readLaunchServices } from './service-claims';

const AGS = {
  scope: [
    'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
    'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  ],
  lineitems: 'https://lms.example/api/courses/1/lineitems',
};

describe('readLaunchServices', () => {
  it('reads the grade service and the class list service', () => {
    expect(
      readLaunchServices({
        [LTI_SERVICE_CLAIMS.gradeService]: {
          ...AGS,
          lineitem: 'https://lms.example/api/courses/1/lineitems/7',
        },
        [LTI_SERVICE_CLAIMS.classListService]: {
          context_memberships_url: 'https://lms.example/api/courses/1/memberships',
          service_versions: ['2.0'],
        },
      }),
    ).toEqual({
      grades: {
        scopes: AGS.scope,
        lineItemsUrl: AGS.lineitems,
        lineItemUrl: 'https://lms.example/api/courses/1/lineitems/7',
      },
      classList: { membershipsUrl: 'https://lms.example/api/courses/1/memberships' },
      problems: [],
    });
  });

  it('offers no service when the launch names none', () => {
    expect(readLaunchServices({ sub: 'x' })).toEqual({
      grades: null,
      classList: null,
      problems: [],
    });
  });

  it('leaves out a malformed service, naming the claim and the field', () => {
    const services = readLaunchServices({
      [LTI_SERVICE_CLAIMS.gradeService]: { ...AGS, lineitems: 'javascript:alert(1)' },
      [LTI_SERVICE_CLAIMS.classListService]: { service_versions: ['2.0'] },
    });
    expect(services.grades).toBeNull();
    expect(services.classList).toBeNull();
    expect(services.problems).toEqual([
      expect.stringContaining(`${LTI_SERVICE_CLAIMS.gradeService}.lineitems is malformed`),
      expect.stringContaining(
        `${LTI_SERVICE_CLAIMS.classListService}.context_memberships_url is malformed`,
      ),
    ]);
  });
});
