/** opencc-js ships its dictionaries as modules whose default export is `key value…|key value…`. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
