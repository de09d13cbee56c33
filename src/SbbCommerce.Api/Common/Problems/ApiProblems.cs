using Microsoft.AspNetCore.Http.HttpResults;

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

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.", type: TypeOf(ErrorCodes.ValidationFailed),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = ErrorCodes.ValidationFailed });

    public static string TypeOf(string code) => TypeBase + code;
}
