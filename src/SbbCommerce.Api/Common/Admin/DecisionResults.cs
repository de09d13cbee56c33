namespace SbbCommerce.Api.Common.Admin;

/// <summary>
/// The answer of an admin decision taken by a service that returns its refusal (a 404, 409 or 422 problem) or null
/// when it went through: the refusal as it is, or 200 with what the decision left, read back once it has committed.
/// </summary>
internal static class DecisionResults
{
    public static async Task<Results<Ok<TResponse>, ProblemHttpResult>> RefusalOrOkAsync<TResponse>(
        Task<ProblemHttpResult?> decision, Func<Task<TResponse?>> readBack)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(readBack);
        if (await decision is { } refusal)
        {
            return refusal;
        }

        // The decision has just gone through on these rows: they are there to read.
        return TypedResults.Ok((await readBack())!);
    }
}
