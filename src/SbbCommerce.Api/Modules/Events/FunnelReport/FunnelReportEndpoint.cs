using SbbCommerce.Api.Modules.Events.Analytics;

namespace SbbCommerce.Api.Modules.Events.FunnelReport;

internal static class FunnelReportEndpoint
{
    public static RouteHandlerBuilder MapFunnelReport(this RouteGroupBuilder admin) =>
        admin.MapGet("/analytics/funnel", HandleAsync).WithName("AnalyticsFunnel")
            .WithSummary("product.view -> cart.add -> checkout.started -> checkout.completed -> payment.completed: distinct visitors per step.")
            .WithDescription("Visitors whose first product.view is in the range; each later step counts those who reached it (their first " +
                "such event at or after the previous step) before the range's end.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<FunnelResponse>, ValidationProblem>> HandleAsync(
        string? from, string? to, EventAnalyticsQueries queries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ReportRange.Read(from, to, errors) is not { } range)
        {
            return ApiProblems.Validation(errors);
        }

        var counts = await queries.FunnelAsync(range, cancellationToken);
        var steps = counts.Select((visitors, step) => new FunnelStep(EventAnalyticsQueries.FunnelSteps[step], visitors,
            step == 0 ? 1 : ReportRange.Ratio(visitors, counts[step - 1]), ReportRange.Ratio(visitors, counts[0]))).ToList();
        return TypedResults.Ok(new FunnelResponse(range.From, range.To, steps));
    }
}
