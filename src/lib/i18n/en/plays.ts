/** English for the plays pages. */
export default {} as const;
