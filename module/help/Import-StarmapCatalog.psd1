@{
    Synopsis    = 'Imports providers and authors from a Starmap folder or a JSON export, or a models.dev api.json.'
    Description = @'
Import-StarmapCatalog reads a Starmap catalog folder (providers.yaml, authors.yaml, model files) or a JSON file written by Export-StarmapCatalog -Format Json, and replaces every provider and author it holds, wholesale, in the catalog. Providers and authors the file does not hold are left alone.

The file is validated in full before anything is written: a malformed file is refused with its path and line (InvalidCatalog) and nothing is imported. So is a catalog past its caps (4 MB per YAML file, 64 MB for a JSON file, 20,000 files, 100,000 records) and a folder holding a symbolic link, which is never followed; the error names the file and the cap or the link. -WhatIf runs a dry run that reports the changes without writing them.

Nothing in a folder is lost: what a file holds that the records do not model (extensions, keys the service has no field for, a tag or an author name spelled otherwise) is kept with its record and written back by Export-StarmapCatalog -Format StarmapYaml, and each kind is reported once as a warning. Timestamps are taken as the files state them, not restamped. The folder's endpoints.yaml, generation.json and authors/README.md are stored as written and exported unchanged. docs/starmap-roundtrip.md describes the round trip and how it is measured.

Model records are treated like a source's: a value that breaks a rule (an output limit above the context window, a tab in a name, a negative price) does not fail the import; the record is kept with that field unknown and a quarantine note (source import), shown in Changes with the action quarantined and listed by Get-StarmapQuarantine. A model with no usable ID is left out and named in Warnings.

Only a regular file or a folder is read: a path with no bytes to read (an empty file, a device such as /dev/zero, a named pipe or a socket) is refused before it is opened (NotACatalogFile), a file that fails while being read is ReadFailed, and a -Path that is no file system path (a NUL character in it) is InvalidPath; each names the path.

-Format ModelsDev reads a models.dev api.json instead (as downloaded from https://models.dev/api.json): every provider it lists that the catalog lacks is created with what models.dev knows of it, and each provider's models are merged exactly as a models.dev sync would merge them (the same reconcile path; the file stands in for the download), so prices, limits and facts from other sources are kept by the same rules. It runs in the cluster with progress across providers; the result names the providers created (Created) and changed (Providers), and with -WhatIf every change without writing anything. A file that is not JSON, not an object of providers, lists none, or is past 64 MB (CatalogLimits.MaxJsonFileBytes, checked before reading) is refused naming why (InvalidCatalog) and nothing is written; a provider the service refuses is a SyncRejected error and the others still import.

Importing replaces data, so it asks for confirmation; -Force or -Confirm:$false skips the question. Before it asks, it warns about each provider the catalog holds at a newer version than a JSON file records (the file was exported before that provider last changed): importing the file undoes those changes.
'@
    Parameters  = @{
        Path  = 'A Starmap catalog folder, or a JSON file from Export-StarmapCatalog -Format Json. Wildcards are allowed when they match exactly one item (several is InvalidPath); a pattern that matches nothing is taken as typed.'
        LiteralPath = 'The same as -Path, used exactly as typed: no character is a wildcard (a file named catalog[1].json). Binds PSPath and FullName of piped files.'
        Force = 'Import without asking for confirmation.'
        Format = 'Starmap (default: a Starmap folder or a JSON export, told apart by the path) or ModelsDev (a models.dev api.json).'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Paths, by value or by property name (Path; PSPath or FullName bind -LiteralPath).' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapImportResult'; Description = 'What changed (or would change with -WhatIf): providers, authors and every changed field.' })
    Examples    = @(
        @{ Title = 'Preview an import'; Code = 'Import-StarmapCatalog ./starmap-catalog -WhatIf | Select-Object -ExpandProperty Changes'; Remarks = 'Lists every field the import would change; nothing is written.' }
        @{ Title = 'Take in a models.dev snapshot'; Code = 'Import-StarmapCatalog -Format ModelsDev ./api.json -WhatIf; Import-StarmapCatalog -Format ModelsDev ./api.json -Force'; Remarks = 'Shows the providers it would create and every change, then imports the file.' }
        @{ Title = 'A file name with wildcard characters'; Code = "Import-StarmapCatalog -LiteralPath './catalog[1].json' -WhatIf"; Remarks = 'Reads catalog[1].json exactly as named; -Path would read [1] as a wildcard.' }
        @{ Title = 'Restore a backup'; Code = 'Import-StarmapCatalog ./catalog.json -Force'; Remarks = 'Replaces the providers and authors in the file without asking.' }
    )
    Links       = @('Export-StarmapCatalog')
}
