namespace Starmap.Testing;
