/** The self-study routes, in one place. */
export const sectionPath = (sectionId: string) => `/study/${encodeURIComponent(sectionId)}`;
export const reviewPath = () => '/review';
export const homePath = () => '/';
