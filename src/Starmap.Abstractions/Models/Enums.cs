using System.Text.Json.Serialization;

namespace Starmap;

// Enum values are stored by number: never renumber a member, only add new ones.

/// <summary>A kind of content a model takes in or produces.</summary>
[GenerateSerializer, Alias("starmap.modality")]
public enum Modality
{
    /// <summary>Plain text.</summary>
    Text = 0,
    /// <summary>Images.</summary>
    Image = 1,
    /// <summary>Audio.</summary>
    Audio = 2,
    /// <summary>Video.</summary>
    Video = 3,
    /// <summary>PDF documents.</summary>
    Pdf = 4,
    /// <summary>Embedding vectors.</summary>
    Embedding = 5,
}

/// <summary>A descriptive tag of a model (use case, technique, modality or domain).</summary>
[GenerateSerializer, Alias("starmap.model-tag")]
public enum ModelTag
{
    /// <summary>Coding.</summary>
    Coding = 0,
    /// <summary>Writing.</summary>
    Writing = 1,
    /// <summary>Reasoning.</summary>
    Reasoning = 2,
    /// <summary>Mathematics.</summary>
    Math = 3,
    /// <summary>Chat.</summary>
    Chat = 4,
    /// <summary>Instruction following.</summary>
    Instruct = 5,
    /// <summary>Research.</summary>
    Research = 6,
    /// <summary>Creative work.</summary>
    Creative = 7,
    /// <summary>Role play.</summary>
    Roleplay = 8,
    /// <summary>Function calling.</summary>
    FunctionCalling = 9,
    /// <summary>Embedding.</summary>
    Embedding = 10,
    /// <summary>Summarization.</summary>
    Summarization = 11,
    /// <summary>Translation.</summary>
    Translation = 12,
    /// <summary>Question answering.</summary>
    QuestionAnswering = 13,
    /// <summary>Vision.</summary>
    Vision = 14,
    /// <summary>Multimodal.</summary>
    Multimodal = 15,
    /// <summary>Audio.</summary>
    Audio = 16,
    /// <summary>Text to image.</summary>
    TextToImage = 17,
    /// <summary>Text to speech.</summary>
    TextToSpeech = 18,
    /// <summary>Speech to text.</summary>
    SpeechToText = 19,
    /// <summary>Image to text.</summary>
    ImageToText = 20,
    /// <summary>Medical.</summary>
    Medical = 21,
    /// <summary>Legal.</summary>
    Legal = 22,
    /// <summary>Finance.</summary>
    Finance = 23,
    /// <summary>Science.</summary>
    Science = 24,
    /// <summary>Education.</summary>
    Education = 25,
}

/// <summary>Neural network architecture family.</summary>
[GenerateSerializer, Alias("starmap.architecture-type")]
public enum ArchitectureType
{
    /// <summary>Dense transformer.</summary>
    Transformer = 0,
    /// <summary>Mixture of experts.</summary>
    Moe = 1,
    /// <summary>Convolutional network.</summary>
    Cnn = 2,
    /// <summary>Recurrent network.</summary>
    Rnn = 3,
    /// <summary>LSTM.</summary>
    Lstm = 4,
    /// <summary>GRU.</summary>
    Gru = 5,
    /// <summary>Variational autoencoder.</summary>
    Vae = 6,
    /// <summary>Generative adversarial network.</summary>
    Gan = 7,
    /// <summary>Diffusion model.</summary>
    Diffusion = 8,
}

/// <summary>Weight quantization format.</summary>
[GenerateSerializer, Alias("starmap.quantization")]
public enum Quantization
{
    /// <summary>Unknown quantization.</summary>
    Unknown = 0,
    /// <summary>4-bit integers.</summary>
    Int4 = 1,
    /// <summary>8-bit integers.</summary>
    Int8 = 2,
    /// <summary>4-bit floats.</summary>
    Fp4 = 3,
    /// <summary>6-bit floats.</summary>
    Fp6 = 4,
    /// <summary>8-bit floats.</summary>
    Fp8 = 5,
    /// <summary>16-bit floats.</summary>
    Fp16 = 6,
    /// <summary>bfloat16.</summary>
    Bf16 = 7,
    /// <summary>32-bit floats.</summary>
    Fp32 = 8,
}

/// <summary>A level of a reasoning or verbosity control.</summary>
[GenerateSerializer, Alias("starmap.control-level")]
public enum ControlLevel
{
    /// <summary>Minimum.</summary>
    Minimum = 0,
    /// <summary>Low.</summary>
    Low = 1,
    /// <summary>Medium.</summary>
    Medium = 2,
    /// <summary>High.</summary>
    High = 3,
    /// <summary>Maximum.</summary>
    Maximum = 4,
}

/// <summary>Transport protocol a model is served over.</summary>
[GenerateSerializer, Alias("starmap.protocol")]
public enum DeliveryProtocol
{
    /// <summary>HTTP.</summary>
    Http = 0,
    /// <summary>gRPC.</summary>
    Grpc = 1,
    /// <summary>WebSocket.</summary>
    Websocket = 2,
}

/// <summary>How streamed responses are delivered.</summary>
[GenerateSerializer, Alias("starmap.streaming")]
public enum StreamingKind
{
    /// <summary>Server-sent events.</summary>
    Sse = 0,
    /// <summary>WebSocket frames.</summary>
    Websocket = 1,
    /// <summary>Chunked transfer encoding.</summary>
    Chunked = 2,
}

/// <summary>Response format a model can produce.</summary>
[GenerateSerializer, Alias("starmap.response-format")]
public enum ResponseFormat
{
    /// <summary>Free text.</summary>
    Text = 0,
    /// <summary>JSON.</summary>
    Json = 1,
    /// <summary>JSON mode.</summary>
    JsonMode = 2,
    /// <summary>JSON object.</summary>
    JsonObject = 3,
    /// <summary>JSON schema constrained output.</summary>
    JsonSchema = 4,
    /// <summary>Structured output.</summary>
    StructuredOutput = 5,
    /// <summary>Function call.</summary>
    FunctionCall = 6,
}

/// <summary>Where an offering is in its life.</summary>
[GenerateSerializer, Alias("starmap.lifecycle-status")]
public enum LifecycleStatus
{
    /// <summary>No source said.</summary>
    Unknown = 0,
    /// <summary>Generally available.</summary>
    Active = 1,
    /// <summary>Beta.</summary>
    Beta = 2,
    /// <summary>Preview.</summary>
    Preview = 3,
    /// <summary>Deprecated: still served, retirement announced or expected.</summary>
    Deprecated = 4,
    /// <summary>No longer served.</summary>
    Retired = 5,
}

/// <summary>Whether a provider currently serves an offering.</summary>
[GenerateSerializer, Alias("starmap.availability")]
public enum Availability
{
    /// <summary>No source said.</summary>
    Unknown = 0,
    /// <summary>Listed and usable.</summary>
    Available = 1,
    /// <summary>Usable only for some accounts or regions.</summary>
    Restricted = 2,
    /// <summary>Not usable (for example, gone from the provider's list).</summary>
    Unavailable = 3,
}

/// <summary>The API family of a provider's list-models endpoint.</summary>
[GenerateSerializer, Alias("starmap.catalog-endpoint-type")]
public enum CatalogEndpointType
{
    /// <summary>OpenAI-compatible <c>GET /v1/models</c>.</summary>
    [JsonStringEnumMemberName("openai")] OpenAI = 0,
    /// <summary>Anthropic <c>GET /v1/models</c>.</summary>
    Anthropic = 1,
    /// <summary>Google AI Studio <c>GET /v1beta/models</c>.</summary>
    Google = 2,
    /// <summary>Google Cloud Vertex AI.</summary>
    [JsonStringEnumMemberName("google-cloud")] GoogleCloud = 3,
    /// <summary>Ollama.</summary>
    Ollama = 4,
    /// <summary>OpenRouter <c>GET /api/v1/models</c>.</summary>
    [JsonStringEnumMemberName("openrouter")] OpenRouter = 5,
}

/// <summary>How an API key is placed in a header.</summary>
[GenerateSerializer, Alias("starmap.auth-scheme")]
public enum AuthScheme
{
    /// <summary>The key as it is.</summary>
    Direct = 0,
    /// <summary><c>Bearer &lt;key&gt;</c>.</summary>
    Bearer = 1,
    /// <summary><c>Basic &lt;key&gt;</c>.</summary>
    Basic = 2,
}

/// <summary>How long a provider keeps request data.</summary>
[GenerateSerializer, Alias("starmap.retention-type")]
public enum RetentionType
{
    /// <summary>For a fixed duration.</summary>
    Fixed = 0,
    /// <summary>Not retained.</summary>
    None = 1,
    /// <summary>Forever.</summary>
    Indefinite = 2,
    /// <summary>Depends on conditions (see details).</summary>
    Conditional = 3,
}
