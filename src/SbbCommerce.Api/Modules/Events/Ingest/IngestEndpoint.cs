using Microsoft.AspNetCore.Mvc;
using SbbCommerce.Api.Modules.Events.Writing;

namespace SbbCommerce.Api.Modules.Events.Ingest;

internal static class IngestEndpoint
{
    /// <summary>Room for 500 events with sizeable properties; the per-event limit is Events:MaxPropertiesBytes.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public const string Description =
        "202 means QUEUED: the accepted events are in this host's write queue and are committed by a background writer " +
        "(binary COPY, in batches) normally within a second; a graceful stop writes the queue before the host exits. " +
        "With ?sync=true the answer comes only after they are committed. Each item is validated on its own: bad items are " +
        "listed in `rejected` by index and the others are accepted. The user is the bearer token's (a userId in the body is " +
        "ignored); without a token each event needs anonymousId or X-Anonymous-Id. 429 ingest_overloaded with Retry-After " +
        "when the write queue is full: then none of the request's events were accepted, and the client sends them again.";

    public static RouteHandlerBuilder MapIngest(this RouteGroupBuilder group) =>
        group.MapPost("/events", IngestAsync).WithName("IngestEvents")
            .WithSummary("Record storefront events: one event or { events: [...] } (at most 500).")
            .WithDescription(Description)
            .AllowAnonymous()
            .ForUserOrAnonymousVisitor()
            .RequireRateLimiting(RateLimitingModule.IngestPolicy)
            // A full queue refuses before the body is buffered, scanned and parsed: the refusal is the common answer in a burst.
            .ShedsLoad(context => context.RequestServices.GetRequiredService<EventWriteQueue>().WouldRefuse(context.Request.ContentLength)
                ? Overloaded(context)
                : null)
            // Text PostgreSQL cannot store refuses its item, not the batch (EventIngestor checks each item).
            .ChecksStorableTextPerItem()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<EventInput>("application/json")
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status429TooManyRequests, EventsErrors.IngestOverloaded, ErrorCodes.RateLimited);

    private static async Task<Results<Accepted<IngestResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        JsonElement body, bool? sync, HttpContext httpContext, ICurrentUser currentUser, EventIngestor ingestor, EventWriteQueue queue,
        CancellationToken cancellationToken)
    {
        // The envelope is read before any item is checked: looking up "events" unescapes names, and a lone surrogate
        // escape throws there (the items' own text is checked per item, StorableTextPerItem).
        if (StorableText.HasUnstorablePropertyName(body))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["(property name)"] = [StorableText.Message],
            });
        }

        if (ItemsOf(body) is not { } items)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["events"] = [$"Send one event object or {{ \"events\": [...] }} with 1 to {EventIngestor.MaxEventsPerRequest} events."],
            });
        }

        var caller = new IngestCaller(currentUser.UserId, AnonymousVisitor.IdOf(httpContext), RequestContext.From(httpContext),
            ingestor.CountryOf(httpContext));
        var (accepted, rejected) = ingestor.Read(items, caller);
        queue.Observe(httpContext.Request.ContentLength, items.Count);
        if (accepted.Count > 0)
        {
            var batch = new QueuedBatch(accepted);
            if (!queue.TryEnqueue(batch))
            {
                return Overloaded(httpContext);
            }

            if (sync == true)
            {
                await batch.Committed.Task.WaitAsync(cancellationToken);
            }
        }

        return TypedResults.Accepted((string?)null, new IngestResponse(accepted.Count, rejected));
    }

    private static ProblemHttpResult Overloaded(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = "1";
        return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, EventsErrors.IngestOverloaded,
            "The event queue is full; none of these events were accepted.", "Send them again after Retry-After seconds.");
    }

    /// <summary>The items of the body: a single event object, or the array under <c>events</c>; null when neither.</summary>
    private static List<JsonElement>? ItemsOf(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!body.TryGetProperty("events", out var events))
        {
            return [body];
        }

        if (events.ValueKind != JsonValueKind.Array || events.GetArrayLength() is 0 or > EventIngestor.MaxEventsPerRequest)
        {
            return null;
        }

        return [.. events.EnumerateArray()];
    }
}
