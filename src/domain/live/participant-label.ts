/** A student as the class knows them: the name, numbered when namesakes share it ("Ana (2)"). */
export const participantLabel = (displayName: string, nameNumber: number): string =>
  nameNumber > 1 ? `${displayName} (${nameNumber})` : displayName;
