using SbbCommerce.Api.Common.Problems;

namespace SbbCommerce.UnitTests.Common.Problems;

public sealed class ApiProblemsTests
{
    [Fact]
    public void Given_a_cursor_a_list_cannot_read_Then_the_answer_is_400_invalid_cursor()
    {
        var problem = ApiProblems.InvalidCursor().ProblemDetails;

        Assert.Equal(400, problem.Status);
        Assert.Equal(ErrorCodes.InvalidCursor, problem.Extensions["code"]);
        Assert.Equal("The cursor is not valid.", problem.Title);
    }

    [Fact]
    public void Given_a_stale_version_Then_the_answer_is_409_concurrency_conflict_naming_the_resource()
    {
        var problem = ApiProblems.StaleVersion("product").ProblemDetails;

        Assert.Equal(409, problem.Status);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, problem.Extensions["code"]);
        Assert.Equal("The product was changed by someone else; reload it and apply your change again.", problem.Title);
    }
}
