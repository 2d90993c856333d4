using InclusionModel.Programs;

namespace InclusionModel.Lifecycle;

/// <summary>A program definition's participant lifecycle, as <c>definition.Lifecycle</c>.</summary>
public static class ProgramLifecycleExtensions
{
    extension(ProgramDefinition program)
    {
        /// <summary>
        /// The program's participant lifecycle: one state machine definition, built on first use and then shared by
        /// every caller (safe across threads; two threads that ask first at once may both build, and one is kept).
        /// </summary>
        /// <exception cref="ArgumentNullException">The definition is <c>null</c>.</exception>
        public ProgramLifecycle Lifecycle
        {
            get
            {
                ArgumentNullException.ThrowIfNull(program);
                return Volatile.Read(ref program.CompiledLifecycle) as ProgramLifecycle
                    ?? Interlocked.CompareExchange(ref program.CompiledLifecycle, new ProgramLifecycle(program), null) as ProgramLifecycle
                    ?? (ProgramLifecycle)program.CompiledLifecycle!;
            }
        }
    }
}
