using SbbCommerce.Api.Common.Idempotency;

namespace SbbCommerce.Api.Common.Diagnostics;

/// <summary>
/// Routes that exercise the shared building blocks (validation, idempotency, problem answers) end to end.
/// Mapped only in Development and Testing, never in Staging or Production.
/// </summary>
internal static class DiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapDiagnosticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/_diagnostics").WithTags("Diagnostics").ExcludeFromDescription();
        group.MapPost("/echo", Echo).WithValidation<EchoRequest>().WithIdempotency();
        group.MapGet("/boom", () => { throw new InvalidOperationException("diagnostics: deliberate failure"); });
        return endpoints;
    }

    private static Created<EchoResponse> Echo(EchoRequest request, EchoCounter counter) =>
        TypedResults.Created($"/api/v1/_diagnostics/echo/{counter.Next()}", new EchoResponse(request.Message, counter.Current));
}

/// <summary>A message to echo.</summary>
/// <param name="Message">1 to 100 characters.</param>
internal sealed record EchoRequest(string Message);

/// <summary>The echoed message and how many times the handler has run in this host.</summary>
internal sealed record EchoResponse(string Message, int Executions);

/// <summary>Counts handler executions so tests can tell a replay from a second run.</summary>
internal sealed class EchoCounter
{
    private int _count;

    public int Current => Volatile.Read(ref _count);

    public int Next() => Interlocked.Increment(ref _count);
}

internal sealed class EchoRequestValidator : AbstractValidator<EchoRequest>
{
    public EchoRequestValidator() => RuleFor(request => request.Message).NotEmpty().MaximumLength(100);
}
