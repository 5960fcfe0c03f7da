@{
    Synopsis    = 'Imports providers and authors from a Starmap folder or a JSON export.'
    Description = @'
Import-StarmapCatalog reads a Starmap catalog folder (providers.yaml, authors.yaml, model files) or a JSON file written by Export-StarmapCatalog -Format Json, and replaces every provider and author it holds, wholesale, in the catalog. Providers and authors the file does not hold are left alone.

The file is validated in full before anything is written: a malformed file is refused with its path and line (InvalidCatalog) and nothing is imported. So is a catalog past its caps (4 MB per YAML file, 64 MB for a JSON file, 20,000 files, 100,000 records) and a folder holding a symbolic link, which is never followed; the error names the file and the cap or the link. -WhatIf runs a dry run that reports the changes without writing them. Keys the catalog cannot hold are reported as warnings.

Model records are treated like a source's: a value that breaks a rule (an output limit above the context window, a tab in a name, a negative price) does not fail the import; the record is kept with that field unknown and a quarantine note (source import), shown in Changes with the action quarantined and listed by Get-StarmapQuarantine. A model with no usable ID is left out and named in Warnings.

Only a regular file or a folder is read: a path with no bytes to read (an empty file, a device such as /dev/zero, a named pipe or a socket) is refused before it is opened (NotACatalogFile), a file that fails while being read is ReadFailed, and a -Path that is no file system path (a NUL character in it) is InvalidPath; each names the path.

Importing replaces data, so it asks for confirmation; -Force or -Confirm:$false skips the question.
'@
    Parameters  = @{
        Path  = 'A Starmap catalog folder, or a JSON file from Export-StarmapCatalog -Format Json.'
        Force = 'Import without asking for confirmation.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Paths, by value or by property name (Path or FullName).' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapImportResult'; Description = 'What changed (or would change with -WhatIf): providers, authors and every changed field.' })
    Examples    = @(
        @{ Title = 'Preview an import'; Code = 'Import-StarmapCatalog ./starmap-catalog -WhatIf | Select-Object -ExpandProperty Changes'; Remarks = 'Lists every field the import would change; nothing is written.' }
        @{ Title = 'Restore a backup'; Code = 'Import-StarmapCatalog ./catalog.json -Force'; Remarks = 'Replaces the providers and authors in the file without asking.' }
    )
    Links       = @('Export-StarmapCatalog')
}
