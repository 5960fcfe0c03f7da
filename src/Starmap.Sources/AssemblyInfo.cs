namespace Starmap.Sources;
