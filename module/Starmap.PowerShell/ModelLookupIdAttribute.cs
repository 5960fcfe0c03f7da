using System.Collections;
using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Turns piped models into the ID a model lookup takes: the model's DefinitionId, or its ModelId when it has no
/// definition. Binding DefinitionId by property name cannot do this: a model without a definition carries a null
/// there, which the parameter refuses before PowerShell tries anything else. Strings pass through unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ModelLookupIdAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc/>
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => inputData switch
    {
        null or string => inputData,
        PSObject { BaseObject: string text } => text,
        IEnumerable many and not PSObject => many.Cast<object?>().Select(One).ToArray(),
        _ => One(inputData),
    };

    private static object? One(object? item)
    {
        if (item is null or string or PSObject { BaseObject: string })
        {
            return item;
        }
        var properties = PSObject.AsPSObject(item).Properties;
        return Text(properties["DefinitionId"]) ?? Text(properties["ModelId"]) ?? item;
    }

    private static string? Text(PSPropertyInfo? property) =>
        property?.Value is { } value && value.ToString() is { Length: > 0 } text ? text : null;
}
