var version = "0.1.0";
var packageJson = {
	version: version};

const VERSION = packageJson.version;

export { VERSION as V };
