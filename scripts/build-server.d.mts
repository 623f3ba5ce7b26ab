// Types of scripts/build-server.mjs, for the benchmark that imports it.
export declare function bundle(options: { entry: string; outfile: string }): Promise<void>;
