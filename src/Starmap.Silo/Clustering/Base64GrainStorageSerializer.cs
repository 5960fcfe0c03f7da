using Orleans.Serialization;
using Orleans.Storage;

namespace Starmap.Silo.Clustering;

/// <summary>
/// Orleans' binary serializer (the one the SQLite store and the stored-state samples use) wrapped in
/// base64, so the Redis provider, which keeps payloads as strings, can never mangle the bytes.
/// </summary>
internal sealed class Base64GrainStorageSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => BinaryData.FromString(Convert.ToBase64String(serializer.SerializeToArray(input)));

    public T Deserialize<T>(BinaryData input)
    {
        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(input.ToString());
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"A stored {typeof(T).Name} in Redis is not base64 Orleans payload; was it written by another program?", ex);
        }
        return serializer.Deserialize<T>(payload)!;
    }
}
