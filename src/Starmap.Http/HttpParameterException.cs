namespace Starmap.Http;

/// <summary>A query parameter or body field is missing, unknown or malformed: answered as a 400 naming it.</summary>
public sealed class HttpParameterException : Exception
{
    /// <summary>Creates the error.</summary>
    public HttpParameterException() { }

    /// <summary>Creates the error with a message.</summary>
    public HttpParameterException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public HttpParameterException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the error for <paramref name="parameter"/>.</summary>
    public HttpParameterException(string parameter, string message, string code = "invalid_parameter") : base(message)
    {
        Parameter = parameter;
        Code = code;
    }

    /// <summary>The parameter at fault.</summary>
    public string Parameter { get; } = "";

    /// <summary>invalid_parameter or unknown_parameter.</summary>
    public string Code { get; } = "invalid_parameter";
}
