/** Pieces of statement preparation: conversion, DDL, parameter binding, error translation. */
package dev.azimuth.planner.prepare;
