import type { StudentForecastsView, TeacherForecastsView } from '#domain/api/forecast-contracts';

/** The parts of the forecasts views the components take, read-only as the views are. */
export type StudentQuestion = StudentForecastsView['questions'][number];
export type TeacherQuestion = TeacherForecastsView['questions'][number];
export type Calibration = StudentForecastsView['myCalibration'];
export type QuestionScenario = StudentQuestion['scenarios'][number];
