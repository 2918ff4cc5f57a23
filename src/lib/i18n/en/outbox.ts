/** English for the outbox pages. */
export default {} as const;
