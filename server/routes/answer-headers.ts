/** The response headers routes answer with, in the words the API document gives them: one name, one meaning. */

/** A version's ETag. */
export const etag = { ETag: "The version's revision (the commit that last changed it), for If-Match." };
/** A decision's ETag. */
export const decisionEtag = { ETag: "The decision's revision, for If-Match when recording its final budget." };
/** On a list served a page at a time. */
export const totalCount = { 'X-Total-Count': 'How many items match in all, over every page.' };
/** Where a resource just made is. */
export const created = (path: string) => ({ Location: `Where the new resource is: ${path}` });
