namespace Starmap.PowerShell;

/// <summary>What Import-StarmapCatalog changed, or would change with -WhatIf.</summary>
public sealed class StarmapImportResult
{
    /// <summary>True when nothing was written.</summary>
    public bool DryRun { get; set; }

    /// <summary>The file or folder read.</summary>
    public string Path { get; set; } = "";

    /// <summary>Providers in the file.</summary>
    public int ProvidersRead { get; set; }

    /// <summary>Authors in the file.</summary>
    public int AuthorsRead { get; set; }

    /// <summary>Providers whose state differs (changed, or would change).</summary>
    public string[] Providers { get; set; } = [];

    /// <summary>Providers the import created (or, with -WhatIf, would create): a models.dev file's providers the catalog lacked.</summary>
    public string[] Created { get; set; } = [];

    /// <summary>Authors whose record or definitions differ.</summary>
    public string[] Authors { get; set; } = [];

    /// <summary>Every changed field.</summary>
    public StarmapChange[] Changes { get; set; } = [];

    /// <summary>What the file held that the catalog cannot (unknown keys, dropped values).</summary>
    public string[] Warnings { get; set; } = [];

    /// <summary>Catalog generation after the import.</summary>
    public long Generation { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Providers.Length} providers, {Authors.Length} authors";
}
