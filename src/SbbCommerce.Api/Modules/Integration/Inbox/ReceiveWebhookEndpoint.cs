namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>
/// <c>POST /webhooks/{source}</c>: verify as the provider signs, store before anything else, answer fast. Processing
/// happens later, in the inbox job, so a slow handler never makes a provider retry.
/// </summary>
internal static class ReceiveWebhookEndpoint
{
    public static RouteHandlerBuilder MapReceiveWebhook(this RouteGroupBuilder group) =>
        group.MapPost("/webhooks/{source}", HandleAsync).WithName("ReceiveWebhook")
            .WithSummary("Inbound provider events (epicor_propello: Standard Webhooks; mailgun: its signature block; shippo: ?token=). "
                + "Stored before processing; 200 once stored, and again for a repeated event id.")
            .WithDescription("401 `invalid_signature` (stored as skipped, never processed); 404 `webhook_source_unknown`; 413 `payload_too_large`.")
            .AllowAnonymous()
            .DisableAntiforgery()
            .Accepts<object>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> HandleAsync(
        string source, HttpRequest request, IEnumerable<IWebhookVerifier> verifiers, IOptions<WebhookOptions> options, WebhookInbox inbox,
        WebhookInboxSignal signal, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var verifier = verifiers.FirstOrDefault(v => v.Source == source);
        settings.Sources.TryGetValue(source, out var sourceOptions);
        if (verifier is null || !verifier.IsConfigured(sourceOptions))
        {
            return ApiProblems.NotFound(IntegrationErrors.WebhookSourceUnknown, $"No webhook source '{source}' is configured here.");
        }

        var body = await ReadBodyAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The webhook body is too large.",
                $"At most {settings.MaxBodyBytes} bytes are accepted.");
        }

        var delivery = new WebhookDelivery(source, body, request.Headers, request.Query);
        var verdict = verifier.Verify(delivery, sourceOptions!, timeProvider.GetUtcNow(), settings.Tolerance);
        var id = await inbox.StoreAsync(delivery, verdict, settings.MaxAttempts, cancellationToken);
        if (!verdict.Valid)
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, IntegrationErrors.InvalidSignature, "The webhook signature is not valid.",
                verdict.Reason);
        }

        if (id is not null)
        {
            // Processed within moments by this host's dispatcher (on job hosts); the recurring inbox job is the safety net.
            signal.Notify();
        }

        return TypedResults.Ok(new WebhookReceipt(id is null, id));
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (declared or actual).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>The answer to a provider: stored (or already stored before: <c>duplicate</c>).</summary>
internal sealed record WebhookReceipt(bool Duplicate, Guid? Id);
