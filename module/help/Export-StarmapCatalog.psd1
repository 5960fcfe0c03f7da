@{
    Synopsis    = 'Exports the catalog as a Starmap folder, JSON, the OpenAI / OpenRouter model-list shapes, or a models.dev api.json.'
    Description = @'
Export-StarmapCatalog writes the whole catalog, read at one generation, to a file or folder:

StarmapYaml: Starmap's on-disk layout (providers.yaml, authors.yaml, providers/<id>/models/*.yaml, authors/<id>/models/*.yaml, and the endpoints.yaml, generation.json and authors/README.md a folder import stored) in a folder. What records kept from the files they were imported from is written back, so an import then an export gives back every value (docs/starmap-roundtrip.md); a field changed since is written as it is now. A new or empty folder is written; a non-empty folder is refused with FolderNotEmpty unless you give -Force, and then only its catalog files are replaced (model files of models no longer in the catalog are removed, so the folder imports as what was exported). Nothing else in the folder is ever touched: .git, a README, logos and other files stay. Linked folders inside it are refused, never written through.

Json (the default): every provider and author state in the contracts' JSON shape; Import-StarmapCatalog reads it back.

OpenAI: the OpenAI GET /v1/models list shape, one entry per offering with the ID provider/model (unique across providers), owned_by the author and created the release date (0 when unknown). OpenRouter: the OpenRouter GET /api/v1/models shape, one entry per model definition with the ID author/slug, at the lowest known price among its providers, with exact per-token price strings; unknown prices are left out, never written as 0.

ModelsDev: a models.dev api.json (an object of providers, each with id, name, env, api, doc and its models keyed by the provider's model ID), so tools that read models.dev can read this catalog. Prices stay USD per 1M tokens as exact decimals; each model is the offering's own facts, with its definition's where the offering states nothing; a member the catalog does not know is left out, never written as 0 or false. docs/models-dev-compat.md lists what a models.dev import followed by this export gives back.

An existing file is kept unless you give -Force (FileExists); a file is written beside the target and renamed over it, so a failure never leaves half an export. As with Out-File, the parent folder must exist (ParentNotFound); it is never created. A file format aimed at a folder is NotAFile, StarmapYaml aimed at a file is NotAFolder.
'@
    Parameters  = @{
        Path     = 'File to write (Json, OpenAI, OpenRouter, ModelsDev) or folder (StarmapYaml). A path that is no file system path (a NUL character in it) is InvalidPath. Wildcards are allowed when they match exactly one existing item; a pattern that matches nothing is taken as typed.'
        LiteralPath = 'The same as -Path, used exactly as typed: no character is a wildcard. Binds PSPath and FullName of piped items.'
        Format   = 'StarmapYaml, Json, OpenAI, OpenRouter or ModelsDev. Default: Json.'
        Force    = 'Overwrite an existing file, or replace the catalog files in a non-empty folder (other files in it are kept).'
        PassThru = 'Write the FileInfo or DirectoryInfo of what was written.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Path by property name (Path; PSPath or FullName bind -LiteralPath).' })
    Outputs     = @(@{ Type = 'System.IO.FileInfo'; Description = 'With -PassThru: the file written (a DirectoryInfo for StarmapYaml).' })
    Examples    = @(
        @{ Title = 'Back up the catalog'; Code = 'Export-StarmapCatalog ./catalog.json -Format Json -PassThru'; Remarks = 'Writes every provider and author; Import-StarmapCatalog ./catalog.json restores it.' }
        @{ Title = 'Write Starmap''s folder layout'; Code = 'Export-StarmapCatalog ./starmap-catalog -Format StarmapYaml'; Remarks = 'Writes providers.yaml, authors.yaml and one YAML file per model.' }
        @{ Title = 'Refresh a catalog kept in git'; Code = 'git init -q ./my-catalog-repo; Export-StarmapCatalog ./my-catalog-repo -Format StarmapYaml -Force; git -C ./my-catalog-repo status --short'; Remarks = 'Replaces only the catalog files; .git and the README stay, and git shows what changed.' }
        @{ Title = 'Serve an OpenRouter-style model list'; Code = 'Export-StarmapCatalog ./models.json -Format OpenRouter -Force'; Remarks = 'Overwrites models.json with the OpenRouter list shape.' }
        @{ Title = 'A file name with wildcard characters'; Code = "Export-StarmapCatalog -LiteralPath './catalog[1].json' -Format Json"; Remarks = 'Writes catalog[1].json exactly as named: -LiteralPath treats [ and ] as plain characters.' }
        @{ Title = 'Write a models.dev api.json'; Code = 'Export-StarmapCatalog ./api.json -Format ModelsDev'; Remarks = 'Every provider and model in the models.dev shape, for tools that read models.dev.' }
    )
    Links       = @('Import-StarmapCatalog')
}
