import { customAlphabet } from 'nanoid';

/** 16 url-safe characters: ~95 bits, plenty for one workspace, short enough to read in a file. */
export const newId: () => string = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 16);
