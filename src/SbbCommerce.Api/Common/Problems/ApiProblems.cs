namespace SbbCommerce.Api.Common.Problems;

/// <summary>
/// Builds the problem+json answers of API.md: expected business failures are returned with these, never thrown.
/// <c>traceId</c> and <c>requestId</c> are added to every problem by <see cref="ProblemsModule"/>.
/// </summary>
internal static class ApiProblems
{
    private const string TypeBase = "https://sciencebasedbody.com/problems/";
    private static readonly HashSet<string> ReservedMembers = ["type", "title", "status", "detail", "instance", "code", "traceId", "errors"];

    public static ProblemHttpResult Problem(
        int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                // An extension must never shadow a member of RFC 9457 (a client reads "status" as the HTTP status).
                if (ReservedMembers.Contains(key))
                {
                    throw new ArgumentException($"'{key}' is a problem-details member, not an extension.", nameof(extensions));
                }

                all[key] = value;
            }
        }

        return TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeOf(code), extensions: all);
    }

    public static ProblemHttpResult NotFound(string code, string title) =>
        Problem(StatusCodes.Status404NotFound, code, title);

    public static ProblemHttpResult Conflict(string code, string title, string? detail = null) =>
        Problem(StatusCodes.Status409Conflict, code, title, detail);

    public static ProblemHttpResult Unprocessable(
        string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status422UnprocessableEntity, code, title, detail, extensions);

    public static ProblemHttpResult BadRequest(string code, string title, string? detail = null) =>
        Problem(StatusCodes.Status400BadRequest, code, title, detail);

    /// <summary>409 <c>concurrency_conflict</c> for an update sent with a version that is no longer the current one.</summary>
    public static ProblemHttpResult StaleVersion(string resource) => Conflict(ErrorCodes.ConcurrencyConflict,
        $"The {resource} was changed by someone else; reload it and apply your change again.");

    /// <summary>400 <c>invalid_cursor</c> of a list that reads its cursor itself (see <see cref="PageRequest.TryReadCursor{TKey}"/>).</summary>
    public static ProblemHttpResult InvalidCursor() => BadRequest(ErrorCodes.InvalidCursor, "The cursor is not valid.");

    /// <summary>
    /// 400 with <c>errors</c> by field: <c>validation_failed</c>, or <c>invalid_cursor</c> when the cursor is all that
    /// is wrong (every list answers a bad cursor with that one code, whichever way it reads the cursor).
    /// </summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var code = errors.Count == 1 && errors.ContainsKey(CursorField) ? ErrorCodes.InvalidCursor : ErrorCodes.ValidationFailed;
        return TypedResults.ValidationProblem(errors,
            title: code == ErrorCodes.InvalidCursor ? "The cursor is not valid." : "The request is not valid.", type: TypeOf(code),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code });
    }

    /// <summary>The query parameter of every list's keyset cursor, as the validation errors name it.</summary>
    public const string CursorField = "cursor";

    public static string TypeOf(string code) => TypeBase + code;
}
