using System.Net;
using SbbCommerce.Bench.Scenarios;

namespace SbbCommerce.Bench.Running.RawHttp;

/// <summary>One request written whole as HTTP/1.1 bytes, and the tag its scenario recognises its answer by.</summary>
internal sealed record RawRequest(byte[] Bytes, string Tag);

/// <summary>
/// A scenario whose requests are fixed bytes, sent by <see cref="RawHttpRunner"/> instead of HttpClient (see there
/// why). Both members are called from the runner's one thread.
/// </summary>
internal interface IRawHttpScenario : IScenario
{
    /// <summary>The request's bytes: request line, headers (Host, Content-Length), body. (connection, sequence) is unique within a run.</summary>
    RawRequest CreateRawRequest(int connection, long sequence);

    /// <summary>Sees each answer's status (the body is not read).</summary>
    void OnRawResponse(RawRequest request, HttpStatusCode statusCode);
}
