/** Issue 7: the methods of this area (filled in by its implementation). */
export const campaignsContract = {};
