using System;

namespace Profiler.PS.Engine
{
    /// <summary>What went wrong in a profiler call; cmdlets map each kind to a stable ErrorId and category.</summary>
    public enum ProfilerErrorKind
    {
        /// <summary>A node id is null, empty or white space.</summary>
        InvalidNodeId,
        /// <summary>A workflow id is null, empty or white space.</summary>
        InvalidWorkflowId,
        /// <summary>A duration is negative, NaN or infinite.</summary>
        InvalidDuration,
        /// <summary>A setting (window size, factor, minimum samples) is out of range.</summary>
        InvalidSetting,
        /// <summary>A run of the workflow is already in flight.</summary>
        RunInProgress,
        /// <summary>No run of the workflow is in flight.</summary>
        NoRunInProgress,
        /// <summary>The run was completed or abandoned and takes no more timings.</summary>
        RunClosed,
        /// <summary>A run number names no run the workflow still keeps.</summary>
        RunNotFound,
        /// <summary>The workflow has no completed run yet.</summary>
        NoCompletedRun,
        /// <summary>A profile or history file is not valid: not JSON, another schema, a newer version, truncated or too large.</summary>
        InvalidFile,
        /// <summary>An imported workflow already exists in the session and neither merge nor replace was asked for.</summary>
        WorkflowExists,
        /// <summary>A merge would add runs the session already has.</summary>
        RunsOverlap,
        /// <summary>Reading or writing a file failed (permissions, disk, lock held too long).</summary>
        FileAccessFailed,
        /// <summary>A workflow already in the session has another (or no) history file than the one asked for.</summary>
        HistoryConflict,
        /// <summary>A completed run could not be written to its history file yet; it stays in the session and the write is retried (the exception's InnerException is the append's own error).</summary>
        HistoryWritePending,
        /// <summary>A history location cannot hold a history: a file where a folder is needed, a folder where the file goes, unreadable or read-only.</summary>
        InvalidHistoryPath,
    }

    /// <summary>A profiler call that cannot be carried out; nothing recorded before it is changed.</summary>
    public sealed class ProfilerException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public ProfilerException(ProfilerErrorKind kind, string message) : base(message) => Kind = kind;

        /// <summary>Creates the exception for a failure <paramref name="cause"/> describes (a pending history write keeps the append's own error).</summary>
        public ProfilerException(ProfilerErrorKind kind, string message, Exception cause) : base(message, cause) => Kind = kind;

        /// <summary>What went wrong.</summary>
        public ProfilerErrorKind Kind { get; }
    }
}
